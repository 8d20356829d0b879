/*
 * What went wrong with a request, read from whatever n8n's request helpers threw. n8n 1.x
 * and 2.x wrap client errors differently (2.x keeps the AxiosError as `cause`, 1.x keeps
 * only `httpCode` and a JSON body in `context.data`), so this is the one place that knows
 * both shapes. It never keeps the request config: that holds the secrets.
 */
import { asRecord } from './json';

export type Failure =
	| { kind: 'answer'; status: number; headers: Record<string, unknown>; body: unknown }
	| { kind: 'network'; code: string }
	/** `reason` is the token endpoint's HTTP status, or NETWORK, INVALID (no token in the answer), CONFIG or BACKOFF. */
	| { kind: 'token'; status?: number; reason: string; message: string }
	| { kind: 'config'; message: string };

/** An HTTP answer: the status, its headers and whatever body came with it. */
export type Answer = Extract<Failure, { kind: 'answer' }>;

/** An answer handed back to the caller: a success, or an error status it asked to look at itself. */
export interface EpccResponse {
	statusCode: number;
	body: unknown;
}

/** Marks our own errors so they survive n8n wrapping them (it copies `errorCode` into `httpCode`). */
const TOKEN_ERROR_PREFIX = 'EPCC_TOKEN_';
const CONFIG_ERROR_CODE = 'EPCC_CONFIG';

/*
 * Errors thrown from the credential's hooks, where there is no node to build a NodeApiError
 * with. n8n wraps them; `errorCode` lets the transport recognise them afterwards (n8n copies
 * it into `httpCode`) and, not being named like a status field, keeps their message intact.
 */

/** The credential is set up so that nothing may be sent (unsafe host, missing value). */
export class CredentialSetupError extends Error {
	name = 'CredentialSetupError';

	readonly errorCode = CONFIG_ERROR_CODE;
}

/** The token endpoint failed. Carries the status and what Elastic Path said, never the request (it holds the secret). */
export class AccessTokenError extends Error {
	name = 'AccessTokenError';

	readonly errorCode: string;

	/** BACKOFF: not sent, the token endpoint failed several times in a row and is given time. */
	constructor(message: string, status: number | 'NETWORK' | 'INVALID' | 'CONFIG' | 'BACKOFF') {
		super(message);
		this.errorCode = `${TOKEN_ERROR_PREFIX}${status}`;
	}
}

type Bag = Record<string, unknown>;

function chain(error: unknown): Bag[] {
	const links: Bag[] = [];
	for (let current = asRecord(error); current && links.length < 5; current = asRecord(current.cause)) links.push(current);
	return links;
}

/** The HTTP answer carried by an AxiosError (or a wrapper of one), if any. */
export function answerOf(error: unknown): Answer | undefined {
	for (const link of chain(error)) {
		const response = asRecord(link.response);
		if (response && typeof response.status === 'number') {
			return { kind: 'answer', status: response.status, headers: asRecord(response.headers) ?? {}, body: response.data };
		}
	}
	// n8n 1.x drops the AxiosError and keeps its status and JSON body on the NodeApiError.
	const outer = asRecord(error);
	const status = Number(outer?.httpCode);
	if (Number.isInteger(status) && status >= 100 && status < 600) {
		return { kind: 'answer', status, headers: {}, body: asRecord(outer?.context)?.data };
	}
	return undefined;
}

function tokenFailure(code: string, message: string): Failure {
	const reason = code.slice(TOKEN_ERROR_PREFIX.length);
	const status = Number(reason);
	return { kind: 'token', status: Number.isInteger(status) ? status : undefined, reason, message };
}

export function classifyFailure(error: unknown): Failure {
	const links = chain(error);
	for (const link of links) {
		const code = typeof link.errorCode === 'string' ? link.errorCode : undefined;
		const message = typeof link.message === 'string' ? link.message : '';
		if (code?.startsWith(TOKEN_ERROR_PREFIX)) return tokenFailure(code, message);
		if (code === CONFIG_ERROR_CODE) return { kind: 'config', message };
	}
	const outer = links[0];
	const httpCode = typeof outer?.httpCode === 'string' ? outer.httpCode : '';
	const message = typeof outer?.message === 'string' ? outer.message : 'Unknown error';
	if (httpCode.startsWith(TOKEN_ERROR_PREFIX)) return tokenFailure(httpCode, message);
	if (httpCode === CONFIG_ERROR_CODE) return { kind: 'config', message };

	// A thrown error that carries a 2xx or 3xx status is an answer that broke off mid-body.
	const answer = answerOf(error);
	if (answer && answer.status >= 400) return answer;
	if (answer) return { kind: 'network', code: 'ERR_BAD_RESPONSE' };

	for (const link of links) {
		if (typeof link.code === 'string' && /^E[A-Z_]+$/.test(link.code)) return { kind: 'network', code: link.code };
	}
	if (/^E[A-Z_]+$/.test(httpCode)) return { kind: 'network', code: httpCode };
	if (/aborted|canceled/i.test(message)) return { kind: 'network', code: 'ECONNABORTED' };
	return { kind: 'config', message };
}

// Plain words: n8n replaces a message that contains a code such as ECONNRESET with its own text.
const NETWORK_WORDS: Record<string, string> = {
	ECONNRESET: 'the connection was reset',
	ECONNREFUSED: 'the connection was refused',
	ETIMEDOUT: 'it did not answer in time',
	ECONNABORTED: 'it did not answer in time',
	ENOTFOUND: 'its host name could not be resolved',
	EAI_AGAIN: 'its host name could not be resolved',
	ERR_CANCELED: 'the execution was cancelled',
	ERR_BAD_RESPONSE: 'the answer broke off',
};

/** What a network failure code means, in words safe to put in an n8n error message. */
export function networkWords(code: string): string {
	return NETWORK_WORDS[code] ?? 'the connection failed';
}
