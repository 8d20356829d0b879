/**
 * What went wrong with a request, read from whatever n8n's request helpers threw. n8n 1.x
 * and 2.x wrap client errors differently (2.x keeps the AxiosError as `cause`, 1.x keeps
 * only `httpCode` and a JSON body in `context.data`), so this is the one place that knows
 * both shapes. It never keeps the request config: that holds the secrets.
 */
export type Failure =
	| { kind: 'answer'; status: number; headers: Record<string, unknown>; body: unknown }
	| { kind: 'network'; code: string }
	/** `reason` is the token endpoint's HTTP status, or NETWORK, INVALID (no token in the answer) or CONFIG. */
	| { kind: 'token'; status?: number; reason: string; message: string }
	| { kind: 'config'; message: string };

/** Marks our own errors so they survive n8n wrapping them (it copies `errorCode` into `httpCode`). */
export const TOKEN_ERROR_PREFIX = 'EPCC_TOKEN_';
export const CONFIG_ERROR_CODE = 'EPCC_CONFIG';

type Bag = Record<string, unknown>;

function bag(value: unknown): Bag | undefined {
	return value && typeof value === 'object' ? (value as Bag) : undefined;
}

function chain(error: unknown): Bag[] {
	const links: Bag[] = [];
	for (let current = bag(error); current && links.length < 5; current = bag(current.cause)) links.push(current);
	return links;
}

/** The HTTP answer carried by an AxiosError (or a wrapper of one), if any. */
export function answerOf(error: unknown): Extract<Failure, { kind: 'answer' }> | undefined {
	for (const link of chain(error)) {
		const response = bag(link.response);
		if (response && typeof response.status === 'number') {
			return { kind: 'answer', status: response.status, headers: bag(response.headers) ?? {}, body: response.data };
		}
	}
	// n8n 1.x drops the AxiosError and keeps its status and JSON body on the NodeApiError.
	const outer = bag(error);
	const status = Number(outer?.httpCode);
	if (Number.isInteger(status) && status >= 100 && status < 600) {
		return { kind: 'answer', status, headers: {}, body: bag(outer?.context)?.data };
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

	const answer = answerOf(error);
	if (answer) return answer;

	for (const link of links) {
		if (typeof link.code === 'string' && /^E[A-Z_]+$/.test(link.code)) return { kind: 'network', code: link.code };
	}
	if (/^E[A-Z_]+$/.test(httpCode)) return { kind: 'network', code: httpCode };
	if (/aborted|canceled/i.test(message)) return { kind: 'network', code: 'ECONNABORTED' };
	return { kind: 'config', message };
}
