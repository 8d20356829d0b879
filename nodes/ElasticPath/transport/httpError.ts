/** The parts of an HTTP client error we read. Never the request config: it holds the secrets. */
export interface HttpErrorResponse {
	status: number;
	data: unknown;
	headers: Record<string, unknown>;
}

function record(value: unknown): Record<string, unknown> | undefined {
	return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
}

/** The HTTP answer behind an error thrown by n8n's request helpers (an AxiosError, possibly wrapped in a NodeApiError). */
export function responseOf(error: unknown): HttpErrorResponse | undefined {
	for (let current = record(error), depth = 0; current && depth < 4; depth++) {
		const response = record(current.response);
		if (response && typeof response.status === 'number') {
			return {
				status: response.status,
				data: response.data,
				headers: record(response.headers) ?? {},
			};
		}
		current = record(current.cause);
	}
	return undefined;
}

/** The innermost error of a chain (n8n wraps client errors in NodeApiError). */
export function rootCause(error: unknown): unknown {
	let current = error;
	for (let depth = 0; depth < 4; depth++) {
		const cause = record(current)?.cause;
		if (!cause) break;
		current = cause;
	}
	return current;
}

/** A network failure's code (ECONNRESET, ETIMEDOUT, ...) and nothing else: its message may quote the URL. */
export function describeNetworkError(error: unknown): string {
	for (let current = record(error), depth = 0; current && depth < 4; depth++) {
		if (typeof current.code === 'string' && current.code) return current.code;
		current = record(current.cause);
	}
	return 'network error';
}
