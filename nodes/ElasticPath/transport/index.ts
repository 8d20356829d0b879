/*
 * The transport's public surface: how the node talks to Elastic Path. The actions, the node
 * and the credential import from here, never from the files behind it.
 */
export { ACTING_TOKEN_HEADERS, authenticateRequest, CREDENTIAL_TYPE, fetchAccessToken } from './authentication';
export { answerError, summarizeErrorBody, titleAndDetail } from './errors';
export { isSecretField, REDACTED } from './redact';
export type { EpccResponse, RequestContext } from './request';
export { epccRequest, epccRequestOnce } from './request';
export { sessionFor } from './session';
export { epccLookup } from './lookup';
