import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INode,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE } from './credential';
import { failureToNodeError } from './errors';
import type { Answer, EpccResponse, Failure } from './failure';
import { classifyFailure } from './failure';
import type { Pacer, SendTicket } from './rate';
import { decideRetry, mayHaveBeenProcessed, unlessCancelled, wait } from './retry';
import { failureWithoutSecrets, redactValue, secretsOfRequest } from './secrets';
import type { TransportSession } from './session';
import { defaultSession, pacerFor, rememberLearnedRate, sessionFor } from './session';
import { asTokenHolder } from './token';

interface EpccRequest {
	method: IHttpRequestMethods;
	/** Path under the API root, already encoded (see the actions' `shared/paths.ts`). */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	headers?: Record<string, string>;
}

interface EpccCall extends EpccRequest {
	/** Error statuses handed back to the caller instead of thrown (e.g. 404 when "not found" is fine). */
	acceptStatuses?: number[];
	/**
	 * Sending the request twice is harmless, so it may be retried after a failure that may
	 * have come after the API did the work (a reset, a timeout, a 502/504). GET and DELETE are
	 * by HTTP's definition; a POST only when the caller says so.
	 */
	idempotent?: boolean;
}

/**
 * What sending a request needs from n8n: the node (for errors) and the authenticated request
 * helper. A node's execution, a trigger's webhook lifecycle and its webhook all have both.
 */
export interface RequestContext {
	getNode(): INode;
	getCredentials(type: string, itemIndex?: number): Promise<ICredentialDataDecryptedObject>;
	helpers: Pick<IExecuteFunctions['helpers'], 'httpRequestWithAuthentication'>;
}

/**
 * One attempt through n8n's authenticated request helper. Normally every HTTP status comes
 * back as an answer (with its headers and body, on n8n 1.x and 2.x alike). With
 * `renewToken`, statuses throw instead, which is what makes n8n renew the stored token on a
 * 401 and retry once: only n8n can write the renewed token back to the credential.
 */
async function sendOnce(
	context: RequestContext,
	request: EpccRequest,
	options: { renewToken?: boolean; timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<Answer | Failure> {
	const renewToken = options.renewToken ?? false;
	try {
		const response = (await context.helpers.httpRequestWithAuthentication.call(context as IExecuteFunctions, CREDENTIAL_TYPE, {
			method: request.method,
			url: request.path,
			qs: request.qs,
			body: request.body,
			headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...request.headers },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: !renewToken,
			timeout: options.timeoutMs,
			abortSignal: options.signal,
			// The API never redirects; following one would carry the bearer token to another host.
			disableFollowRedirect: true,
		})) as IN8nHttpFullResponse;
		return { kind: 'answer', status: response.statusCode, headers: response.headers ?? {}, body: response.body };
	} catch (error) {
		return classifyFailure(error);
	}
}

const MAX_THROTTLED_RETRIES = 20;

const isUnauthorized = (result: Answer | Failure) => result.kind === 'answer' && result.status === 401;

/**
 * One attempt, renewing the token if it has expired. Only n8n can renew the stored token
 * (it does when a request it sends is answered 401), so one request has it renewed while
 * the others refused at the same moment wait and then use the new token.
 */
async function sendRenewingToken(context: RequestContext, session: TransportSession, call: EpccCall) {
	const { timeoutMs } = session.settings;
	const { signal } = session;
	let result = await sendOnce(context, call, { timeoutMs, signal });
	if (isUnauthorized(result) && session.renewal) {
		await session.renewal;
		result = await sendOnce(context, call, { timeoutMs, signal });
	}
	if (isUnauthorized(result)) {
		const renewal = sendOnce(context, call, { renewToken: true, timeoutMs, signal });
		session.renewal = renewal;
		result = await renewal;
		if (session.renewal === renewal) session.renewal = undefined;
	}
	return result;
}

/** Resolves once the node's own cap and then the store's shared pace allow; rejects if the execution is cancelled meanwhile. */
async function paced(context: RequestContext, session: TransportSession): Promise<[Pacer, SendTicket]> {
	const pacer = await pacerFor(context, session);
	await session.cap?.acquire(session.signal);
	return [pacer, await pacer.acquire(session.signal)];
}

/**
 * The paced attempt; if the execution is cancelled while it is out, its ticket is closed as
 * abandoned, so that the other executions on the store do not take it for a stall.
 */
async function sendAbandonedOnCancel(context: RequestContext, session: TransportSession, call: EpccCall, pacer: Pacer, ticket: SendTicket) {
	let answered = false;
	try {
		const result = await asTokenHolder(context, { timeoutMs: session.settings.timeoutMs, signal: session.signal }, async () => await sendRenewingToken(context, session, call));
		answered = true;
		return result;
	} finally {
		if (!answered) pacer.rate.abandoned(ticket);
	}
}

/** The first request of an execution goes alone: it fetches the token that the others then use. */
async function firstAnswerGate(session: TransportSession): Promise<(() => void) | undefined> {
	if (session.firstAnswer) {
		await unlessCancelled(session.firstAnswer, session.signal);
		return undefined;
	}
	let release!: () => void;
	session.firstAnswer = new Promise((resolve) => (release = resolve));
	return release;
}

/**
 * Every Elastic Path API call goes through here: paced at the rate the store accepts, retried
 * when that can help, token renewed, errors made readable.
 */
async function send(context: RequestContext, session: TransportSession, itemIndex: number, call: EpccCall): Promise<EpccResponse> {
	const { maxAttempts } = session.settings;
	const idempotent = call.idempotent ?? (call.method === 'GET' || call.method === 'DELETE' || call.method === 'PUT');

	const releaseOthers = await firstAnswerGate(session);
	let result: Answer | Failure;
	let attempt = 0;
	let throttled = 0;
	let maybeDone = false;
	let askedWaitMs: number | undefined;
	for (;;) {
		attempt++;
		let pacer: Pacer;
		let ticket: SendTicket;
		try {
			[pacer, ticket] = await paced(context, session);
			result = await sendAbandonedOnCancel(context, session, call, pacer, ticket);
		} finally {
			releaseOthers?.();
		}
		if (result.kind === 'answer') {
			if (result.status === 429) {
				pacer.rate.throttled(ticket);
				// A 429 is the store pacing us, not a failure of this request: it does not use up
				// Max Attempts (but a store that keeps refusing still ends the retries).
				if (++throttled <= MAX_THROTTLED_RETRIES) attempt--;
			} else if (result.status < 500) pacer.rate.accepted(ticket);
			else pacer.rate.failed(ticket);
			if (result.status < 300) {
				rememberLearnedRate(session, pacer);
				return { statusCode: result.status, body: result.body };
			}
			if (call.acceptStatuses?.includes(result.status)) {
				// An accepted error answer is read for an error message: without what the server echoed.
				const secrets = await secretsOfRequest(context, itemIndex, call.headers);
				return { statusCode: result.status, body: redactValue(result.body, secrets) };
			}
		} else if (result.kind === 'network') {
			// The HTTP client's own abort on cancellation reads as a network failure: the store said nothing.
			if (session.signal?.aborted) pacer.rate.abandoned(ticket);
			else pacer.rate.failed(ticket);
		}
		else pacer.rate.notSent(ticket);
		const decision = decideRetry(result, { attempt, tries: attempt + throttled, maxAttempts, idempotent });
		if (!decision.retry) {
			askedWaitMs = decision.askedMs;
			break;
		}
		maybeDone ||= mayHaveBeenProcessed(result);
		await wait(decision.delayMs, session.signal);
	}
	const secrets = await secretsOfRequest(context, itemIndex, call.headers);
	throw failureToNodeError(context.getNode(), failureWithoutSecrets(result, secrets), itemIndex, {
		attempts: attempt,
		maybeDone,
		askedWaitMs,
	});
}

/** One request of an item of the node's execution: with the node's Request Settings, shared by its items. */
export async function epccRequest(this: IExecuteFunctions, itemIndex: number, call: EpccCall): Promise<EpccResponse> {
	return await send(this, sessionFor(this), itemIndex, call);
}

/**
 * One request outside a node's execution (a trigger's webhook lifecycle or delivery): paced with
 * the other requests to the store and retried with the default settings, so a busy store
 * (a 429 or 503 while a bulk run works on it) is waited out instead of taken for an answer.
 */
export async function epccHookRequest(context: RequestContext, call: EpccCall): Promise<EpccResponse> {
	return await send(context, defaultSession(), 0, call);
}

/**
 * One GET for the editor's pickers (a resource locator's list search), where there are no
 * items to pace: n8n renews an expired token and sends it again; any failure becomes the
 * node's usual error, with no request detail (it holds the token).
 */
export async function epccLookup(this: ILoadOptionsFunctions, path: string, qs: IDataObject): Promise<unknown> {
	try {
		return (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
			method: 'GET',
			url: path,
			qs,
			headers: { Accept: 'application/json' },
			json: true,
			disableFollowRedirect: true,
		})) as unknown;
	} catch (error) {
		// What the server sent back (it may echo the request) is shown without the secrets.
		throw failureToNodeError(this.getNode(), failureWithoutSecrets(classifyFailure(error), await secretsOfRequest(this, 0)), 0);
	}
}
