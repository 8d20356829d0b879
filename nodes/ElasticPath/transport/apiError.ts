import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { summarizeErrorBody, titleAndDetail } from './errorBody';
import type { Failure } from './failure';
import { networkWords } from './failure';

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
 * The error for an HTTP error answer, from its status and body: "Elastic Path answered 404: Not
 * Found: Cart not found", then `hint`, the request ID and `tried` as its description.
 */
export function answerToNodeError(
	node: INode,
	status: number,
	body: unknown,
	itemIndex: number,
	{ hint, tried = '' }: { hint?: string; tried?: string } = {},
): NodeApiError {
	const answer = summarizeErrorBody(body);
	const { title, detail, requestId } = answer;
	const said = titleAndDetail(answer);
	const summary: JsonObject = { status };
	if (title) summary.title = title;
	if (detail) summary.detail = detail;
	if (requestId) summary.requestId = requestId;
	const description = [hint, requestId ? `Request ID: ${requestId}` : undefined, tried.trim()].filter(Boolean).join(' ');
	return new NodeApiError(node, summary, {
		message: `Elastic Path answered ${status}${said ? `: ${said}` : ' with no error details'}`,
		description: description || undefined,
		httpCode: String(status),
		itemIndex,
	});
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
	{ attempts = 1, maybeDone = false }: { attempts?: number; maybeDone?: boolean } = {},
): NodeApiError | NodeOperationError {
	const tried =
		(attempts > 1 ? ` Gave up after ${attempts} attempts.` : '') +
		(maybeDone && failure.kind === 'answer' && failure.status < 500
			? ' An earlier attempt got no complete answer and may have been carried out: check whether the change is already done.'
			: '');
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
				message: `No complete answer from Elastic Path: ${networkWords(failure.code)}`,
				description: `The request got no answer (${failure.code}).${tried}`,
				itemIndex,
			});
		case 'answer':
			return answerToNodeError(node, failure.status, failure.body, itemIndex, { hint: hintFor(failure.status), tried });
	}
}
