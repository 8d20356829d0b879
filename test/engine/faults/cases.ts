import type { EpccEmulator, Fault, ReceivedRequest } from '../../../testkit/emulator/EpccEmulator';
import { isApiRequest, isTokenRequest } from '../../../testkit/emulator/EpccEmulator';
import type { Answer } from '../../../testkit/emulator/jsonapi';

export type Outcome =
	/** Every item succeeds (after retries or a token renewal). */
	| { kind: 'success' }
	/**
	 * The middle item fails with this message (an error item, or the node's error without Continue
	 * On Fail): the exact text, or a matcher where it holds what a server echoed.
	 */
	| { kind: 'error'; message: string; httpCode?: string; description?: string }
	/** The token could not be had: the first item fails, and so does every other (each tries again). */
	| { kind: 'token-error'; message: string };

export interface FaultCase {
	name: string;
	/** Sets the fault up; `isMiddle` tells the middle item's requests apart. */
	arrange(emulator: EpccEmulator, isMiddle: (request: ReceivedRequest) => boolean): void;
	expected: Outcome;
}

const jsonApi = (status: number, title: string, extra: Record<string, unknown> = {}): Answer => ({
	status,
	body: { errors: [{ status, title, ...extra }] },
});

const onMiddle = (fault: Fault, times = 1000): FaultCase['arrange'] => (emulator, isMiddle) =>
	emulator.failNext(fault, times, isMiddle);

const answerOnMiddle = (answer: Answer, times = 1000) => onMiddle({ kind: 'answer', answer }, times);

const error = (message: string, httpCode?: string): Outcome => ({ kind: 'error', message, httpCode });
const success: Outcome = { kind: 'success' };

export const faultCases: FaultCase[] = [
	{
		name: '400 (JSON:API, numeric status)',
		arrange: answerOnMiddle(jsonApi(400, 'The type does not exist or is not listed as customer')),
		expected: error('Elastic Path answered 400: The type does not exist or is not listed as customer', '400'),
	},
	{
		name: '403 with a string status',
		arrange: answerOnMiddle({ status: 403, body: { errors: [{ status: '403', title: 'Cannot associate more than one customer' }] } }),
		expected: error('Elastic Path answered 403: Cannot associate more than one customer', '403'),
	},
	{
		name: '403 permissions',
		arrange: answerOnMiddle(jsonApi(403, 'Customer does not have the required permissions to fulfill this request')),
		expected: error('Elastic Path answered 403: Customer does not have the required permissions to fulfill this request', '403'),
	},
	{
		name: '403 invalid payload',
		arrange: answerOnMiddle(jsonApi(403, 'Invalid json payload')),
		expected: error('Elastic Path answered 403: Invalid json payload', '403'),
	},
	{
		name: '404 with a detail',
		arrange: answerOnMiddle(jsonApi(404, 'Not Found', { detail: 'Cart not found' })),
		expected: error('Elastic Path answered 404: Not Found: Cart not found', '404'),
	},
	{
		name: '409',
		arrange: answerOnMiddle(jsonApi(409, 'Conflict')),
		expected: error('Elastic Path answered 409: Conflict', '409'),
	},
	{
		name: '422 with title and detail',
		arrange: answerOnMiddle(
			jsonApi(422, 'Cannot associate customers to carts with contact emails', {
				detail: 'Unable to associate customers to carts with contact emails attached.',
			}),
		),
		expected: error(
			'Elastic Path answered 422: Cannot associate customers to carts with contact emails: Unable to associate customers to carts with contact emails attached.',
			'422',
		),
	},
	{
		name: '500 with a request id',
		arrange: answerOnMiddle(jsonApi(500, 'Internal Server Error', { meta: { request_id: 'req-500' } })),
		expected: error('Elastic Path answered 500: Internal Server Error', '500'),
	},
	{
		name: '500 HTML page',
		arrange: answerOnMiddle({ status: 500, text: '<html><head><title>Internal error</title></head><body>oops</body></html>', contentType: 'text/html' }),
		expected: error('Elastic Path answered 500: Internal error', '500'),
	},
	{
		name: '400 empty body',
		arrange: answerOnMiddle({ status: 400, text: '' }),
		expected: error('Elastic Path answered 400 with no error details', '400'),
	},
	{
		name: '400 invalid JSON',
		arrange: answerOnMiddle({ status: 400, text: '{"errors": [{"title": "Bad', contentType: 'application/json' }),
		expected: error('Elastic Path answered 400: {"errors": [{"title": "Bad', '400'),
	},
	{
		name: '401 that a renewed token cures',
		arrange: (emulator, isMiddle) => {
			emulator.beforeHandle = (request) => {
				if (isMiddle(request)) emulator.state.expireAccessTokens();
				if (isMiddle(request)) emulator.beforeHandle = undefined;
			};
		},
		expected: success,
	},
	{
		name: '401 that persists after renewing the token',
		arrange: answerOnMiddle(jsonApi(401, 'Unable to validate access token')),
		expected: error('Elastic Path answered 401: Unable to validate access token', '401'),
	},
	{ name: '429 without Retry-After, twice', arrange: answerOnMiddle(jsonApi(429, 'Too Many Requests'), 2), expected: success },
	{
		name: '429 with Retry-After',
		arrange: answerOnMiddle({ ...jsonApi(429, 'Too Many Requests'), headers: { 'Retry-After': '1' } }, 1),
		expected: success,
	},
	{ name: '502 HTML page, once', arrange: answerOnMiddle({ status: 502, text: '<html><title>502 Bad Gateway</title></html>', contentType: 'text/html' }, 1), expected: success },
	{ name: '503 empty body, once', arrange: answerOnMiddle({ status: 503, text: '' }, 1), expected: success },
	{ name: '504, once', arrange: answerOnMiddle(jsonApi(504, 'Gateway Timeout'), 1), expected: success },
	{
		name: '503 on every attempt',
		arrange: answerOnMiddle(jsonApi(503, 'Service Unavailable')),
		expected: error('Elastic Path answered 503: Service Unavailable', '503'),
	},
	{ name: 'a body cut off mid-stream, once', arrange: onMiddle({ kind: 'truncate' }, 1), expected: success },
	{
		name: 'a body cut off mid-stream, every time',
		arrange: onMiddle({ kind: 'truncate' }),
		expected: error('No complete answer from Elastic Path: the answer broke off'),
	},
	{ name: 'a connection reset before the request was handled', arrange: onMiddle({ kind: 'reset-before' }, 1), expected: success },
	{ name: 'a connection reset after the request was handled', arrange: onMiddle({ kind: 'reset-after' }, 1), expected: success },
	{ name: 'no answer (the per-request timeout fires), once', arrange: onMiddle({ kind: 'hang' }, 1), expected: success },
	{
		name: 'a token endpoint that fails once',
		arrange: (emulator) => emulator.failNext({ kind: 'answer', answer: jsonApi(500, 'Internal Server Error') }, 1, isTokenRequest),
		expected: success,
	},
	{
		name: 'a token endpoint that keeps failing',
		arrange: (emulator) => emulator.failNext({ kind: 'answer', answer: jsonApi(500, 'Internal Server Error') }, 1000, isTokenRequest),
		expected: { kind: 'token-error', message: 'Elastic Path failed to issue an access token (HTTP 500: Internal Server Error)' },
	},
	{
		name: 'a token endpoint that answers without access_token',
		arrange: (emulator) =>
			emulator.failNext({ kind: 'answer', answer: { status: 200, body: { token_type: 'Bearer', expires_in: 3600 } } }, 1000, isTokenRequest),
		expected: {
			kind: 'token-error',
			message: 'Elastic Path answered the token request without an access_token: check the region/Base URL',
		},
	},
];

export { isApiRequest };
