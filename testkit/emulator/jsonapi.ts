/** JSON:API answers as Elastic Path sends them. */
export interface EpccError {
	status: number | string;
	title: string;
	detail?: string;
	meta?: Record<string, unknown>;
}

export interface Answer {
	status: number;
	body?: unknown;
	/** Raw text instead of JSON (HTML pages, empty bodies, broken JSON). */
	text?: string;
	contentType?: string;
	headers?: Record<string, string>;
}

export function errorAnswer(httpStatus: number, title: string, detail?: string, extra: Partial<EpccError> = {}): Answer {
	const error: EpccError = { status: httpStatus, title, ...extra };
	if (detail) error.detail = detail;
	return { status: httpStatus, body: { errors: [error] } };
}

export const documented = {
	unauthorized: () => errorAnswer(401, 'Unable to validate access token'),
	wrongType: (type: string) => errorAnswer(400, `The type does not exist or is not listed as ${type}`),
	moreThanOne: (type: string) => errorAnswer(403, `Cannot associate more than one ${type}`),
	noPermission: (who: 'Customer' | 'Account') =>
		errorAnswer(403, `${who} does not have the required permissions to fulfill this request`),
	invalidPayload: () => errorAnswer(403, 'Invalid json payload'),
	// The documented example carries status 400 inside a 422 answer; kept as documented.
	contactEmails: (type: 'customers' | 'accounts') =>
		errorAnswer(422, `Cannot associate ${type} to carts with contact emails`, `Unable to associate ${type} to carts with contact emails attached.`, {
			status: 400,
		}),
	notFound: (what: string) => errorAnswer(404, 'Not Found', `${what} not found`),
	rateLimited: () => errorAnswer(429, 'Too Many Requests', 'Rate limit exceeded, please retry later'),
	lastCart: () =>
		errorAnswer(400, 'Last cart', 'This is the last cart associated with a customer and it cannot be deleted, try disassociating instead'),
};
