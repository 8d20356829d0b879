import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { summarizeErrorBody } from './errorBody';
import type { Failure } from './failure';

const HINTS: Record<number, string> = {
	400: 'Elastic Path rejected the request as invalid: check the IDs.',
	401: 'The access token was refused even after fetching a new one: check the credential (client ID and secret, region or Base URL, or the pasted token).',
	403: 'The token may not do this: a customer token only reaches the carts of its own customer, and an implicit token needs a customer token.',
	404: 'Elastic Path did not find the cart or the customer.',
	409: 'Elastic Path reported a conflict with the current state of the cart.',
	422: 'Elastic Path could not process the request: carts with contact emails cannot be associated with customers.',
	429: 'The store rate limit was exceeded.',
};

// Plain words: n8n replaces a message that contains a code such as ECONNRESET with its own text.
const NETWORK_WORDS: Record<string, string> = {
	ECONNRESET: 'the connection was reset',
	ECONNREFUSED: 'the connection was refused',
	ETIMEDOUT: 'it did not answer in time',
	ECONNABORTED: 'it did not answer in time',
	ENOTFOUND: 'its host name could not be resolved',
	EAI_AGAIN: 'its host name could not be resolved',
	ERR_CANCELED: 'the execution was cancelled',
};

function hintFor(status: number): string | undefined {
	if (HINTS[status]) return HINTS[status];
	if (status >= 500) return 'Elastic Path failed to handle the request; it may succeed later.';
	return undefined;
}

/**
 * The error the user sees for a failed request, built from a plain summary (status,
 * EPCC title/detail, request id): never from the client error, which carries the request
 * headers with the bearer token.
 */
export function failureToNodeError(
	node: INode,
	failure: Failure,
	itemIndex: number,
	attempts = 1,
): NodeApiError | NodeOperationError {
	const tried = attempts > 1 ? ` Gave up after ${attempts} attempts.` : '';
	switch (failure.kind) {
		case 'config':
			return new NodeOperationError(node, failure.message, { itemIndex });
		case 'token': {
			const summary: JsonObject = { message: failure.message };
			if (failure.status) summary.status = failure.status;
			return new NodeApiError(node, summary, {
				message: failure.message,
				description: tried.trim() || undefined,
				httpCode: failure.status ? String(failure.status) : undefined,
				itemIndex,
			});
		}
		case 'network':
			return new NodeApiError(node, { networkError: failure.code }, {
				message: `Could not reach Elastic Path: ${NETWORK_WORDS[failure.code] ?? 'the connection failed'}`,
				description: `The request got no answer (${failure.code}).${tried}`,
				itemIndex,
			});
		case 'answer': {
			const { title, detail, requestId } = summarizeErrorBody(failure.body);
			const said = [title, detail].filter(Boolean).join(': ');
			const summary: JsonObject = { status: failure.status };
			if (title) summary.title = title;
			if (detail) summary.detail = detail;
			if (requestId) summary.requestId = requestId;
			const description = [hintFor(failure.status), requestId ? `Request ID: ${requestId}` : undefined, tried.trim()]
				.filter(Boolean)
				.join(' ');
			return new NodeApiError(node, summary, {
				message: `Elastic Path answered ${failure.status}${said ? `: ${said}` : ' with no error details'}`,
				description: description || undefined,
				httpCode: String(failure.status),
				itemIndex,
			});
		}
	}
}
