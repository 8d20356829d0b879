import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { AccessTokenError } from './accessToken';
import { UnsafeBaseUrlError } from './baseUrl';
import { summarizeErrorBody } from './errorBody';
import { describeNetworkError, responseOf, rootCause } from './httpError';

const HINTS: Record<number, string> = {
	400: 'Elastic Path rejected the request as invalid: check the IDs.',
	401: 'The access token was refused even after fetching a new one: check the credential (client ID and secret, region or Base URL, or the pasted token).',
	403: 'The token may not do this: a customer token only reaches the carts of its own customer, and an implicit token needs a customer token.',
	404: 'Elastic Path did not find the cart or the customer.',
	409: 'Elastic Path reported a conflict with the current state of the cart.',
	422: 'Elastic Path could not process the request: carts with contact emails cannot be associated with customers.',
	429: 'The store rate limit was exceeded.',
};

function hintFor(status: number): string | undefined {
	if (HINTS[status]) return HINTS[status];
	if (status >= 500) return 'Elastic Path failed to handle the request; it may succeed later.';
	return undefined;
}

/**
 * Turns whatever n8n's request helper threw into the error the user sees. Built from a
 * plain summary (status, EPCC title/detail, request id), never from the client error
 * itself: that one carries the request headers with the bearer token.
 */
export function toNodeError(node: INode, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	const cause = rootCause(error);
	if (cause instanceof UnsafeBaseUrlError) {
		return new NodeOperationError(node, cause.message, { itemIndex });
	}
	if (cause instanceof AccessTokenError) {
		const summary: JsonObject = { message: cause.message };
		if (cause.tokenHttpStatus) summary.status = cause.tokenHttpStatus;
		return new NodeApiError(node, summary, {
			message: cause.message,
			httpCode: cause.tokenHttpStatus ? String(cause.tokenHttpStatus) : undefined,
			itemIndex,
		});
	}

	const response = responseOf(error);
	if (response) {
		const { title, detail, requestId } = summarizeErrorBody(response.data);
		const said = [title, detail].filter(Boolean).join(': ');
		const message = `Elastic Path answered ${response.status}${said ? `: ${said}` : ' with no error details'}`;
		const description = [hintFor(response.status), requestId ? `Request ID: ${requestId}` : undefined]
			.filter(Boolean)
			.join(' ');
		const summary: JsonObject = { status: response.status };
		if (title) summary.title = title;
		if (detail) summary.detail = detail;
		if (requestId) summary.requestId = requestId;
		return new NodeApiError(node, summary, {
			message,
			description: description || undefined,
			httpCode: String(response.status),
			itemIndex,
		});
	}

	if (cause instanceof NodeOperationError) {
		return new NodeOperationError(node, cause.message, { itemIndex, description: cause.description ?? undefined });
	}
	const networkCode = describeNetworkError(error);
	if (networkCode !== 'network error') {
		return new NodeApiError(node, { networkError: networkCode }, {
			message: `Could not reach Elastic Path (${networkCode})`,
			description: 'The connection failed before Elastic Path answered.',
			itemIndex,
		});
	}
	const text = cause instanceof Error ? cause.message : 'Unknown error';
	return new NodeOperationError(node, text, { itemIndex });
}
