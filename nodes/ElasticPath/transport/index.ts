/*
 * The transport's public surface: how the node talks to Elastic Path. The actions, the node,
 * the trigger and the credential import from here, never from the files behind it.
 *
 *   failure     what went wrong with a request, read from whatever n8n threw (imports nothing)
 *   json        reading values of unknown shape: an object, a piece of text
 *   retry       whether and when a failed request is sent again; waits that end on cancellation
 *   credential  the credential's host, store identity and request signing
 *   secrets     what a secret is, and secrets taken out of whatever a server sent back
 *   errors      the error a user reads for a failed request
 *   token       the access token: one fetch per store, backoff, given up when nobody waits
 *   session     what the requests of one node execution share
 *   request     every request: paced, retried, token renewed (items', a trigger's); editor lookups
 *   rate/       how fast a store may be sent requests, learned and shared (imports nothing above it)
 */
export { ACTING_TOKEN_HEADERS, authenticateRequest, CREDENTIAL_TYPE } from './credential';
export { answerError, summarizeErrorBody, titleAndDetail } from './errors';
export type { EpccResponse } from './failure';
export { asRecord, asText } from './json';
export type { RequestContext } from './request';
export { epccHookRequest, epccLookup, epccRequest } from './request';
export { isSecretField, REDACTED } from './secrets';
export { sessionFor, storeKeyOf } from './session';
export { fetchAccessToken } from './token';
