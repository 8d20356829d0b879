import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { EpccResponse, Failure } from './failure';
import { networkWords } from './failure';
import { MAX_RETRY_AFTER_MS } from './retry';

/* What the user reads when a request fails: n8n's error types, from a summary, never the request. */

/** What an Elastic Path error answer says, from whatever body came back (JSON:API, other JSON, HTML, text or nothing). */
interface ErrorSummary {
	title?: string;
	detail?: string;
	requestId?: string;
}

const MAX_TEXT = 300;

function text(value: unknown): string | undefined {
	if (typeof value === 'number') return String(value);
	if (typeof value !== 'string') return undefined;
	const clean = value.replace(/\s+/g, ' ').trim();
	if (!clean) return undefined;
	return clean.length > MAX_TEXT ? `${clean.slice(0, MAX_TEXT)}…` : clean;
}

function parse(body: unknown): unknown {
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body !== 'string') return body;
	const trimmed = body.trim();
	if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return body;
	try {
		return JSON.parse(trimmed) as unknown;
	} catch {
		return body;
	}
}

function fromHtml(html: string): string | undefined {
	const title = /<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1];
	const heading = /<h1[^>]*>([^<]*)<\/h1>/i.exec(html)?.[1];
	return text(title ?? heading ?? html.replace(/<[^>]*>/g, ' '));
}

export function summarizeErrorBody(body: unknown): ErrorSummary {
	const parsed = parse(body);
	if (typeof parsed === 'string') {
		return /<[a-z!][^>]*>/i.test(parsed) ? { title: fromHtml(parsed) } : { title: text(parsed) };
	}
	if (!parsed || typeof parsed !== 'object') return {};

	const record = parsed as Record<string, unknown>;
	const errors = Array.isArray(record.errors) ? record.errors : undefined;
	const first = (errors?.[0] ?? record) as Record<string, unknown>;
	if (!first || typeof first !== 'object') return {};
	const meta = first.meta as Record<string, unknown> | undefined;
	const summary: ErrorSummary = {
		title: text(first.title) ?? text(first.error) ?? text(first.message),
		detail: text(first.detail) ?? text(first.error_description),
		requestId: text(meta?.request_id),
	};
	if (errors && errors.length > 1) {
		const others = errors
			.slice(1)
			.map((e) => text((e as Record<string, unknown>)?.title))
			.filter(Boolean);
		if (others.length) summary.detail = [summary.detail, ...others].filter(Boolean).join('; ');
	}
	return summary;
}

/** What Elastic Path said, as one phrase ("Title: detail"); empty when it said nothing. */
export function titleAndDetail({ title, detail }: ErrorSummary): string {
	return [title, detail].filter(Boolean).join(': ');
}

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

function waitTooLong(askedWaitMs: number): string {
	const seconds = Math.ceil(askedWaitMs / 1000);
	return `and asked to wait ${seconds} s before trying again: more than the ${MAX_RETRY_AFTER_MS / 1000} s the node waits at most`;
}

/**
 * The error for an HTTP error answer, from its status and body: "Elastic Path answered 404: Not
 * Found: Cart not found", then `hint`, the request ID and `tried` as its description.
 */
function answerToNodeError(
	node: INode,
	status: number,
	body: unknown,
	itemIndex: number,
	{ hint, tried = '', askedWaitMs }: { hint?: string; tried?: string; askedWaitMs?: number } = {},
): NodeApiError {
	const answer = summarizeErrorBody(body);
	const { title, detail, requestId } = answer;
	const said = titleAndDetail(answer);
	const summary: JsonObject = { status };
	if (title) summary.title = title;
	if (detail) summary.detail = detail;
	if (requestId) summary.requestId = requestId;
	const description = [hint, requestId ? `Request ID: ${requestId}` : undefined, tried.trim()].filter(Boolean).join(' ');
	const answered = `Elastic Path answered ${status}${said ? `: ${said}` : ' with no error details'}`;
	return new NodeApiError(node, summary, {
		message: askedWaitMs === undefined ? answered : `${answered}, ${waitTooLong(askedWaitMs)}`,
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
	{ attempts = 1, maybeDone = false, askedWaitMs }: { attempts?: number; maybeDone?: boolean; askedWaitMs?: number } = {},
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
			return answerToNodeError(node, failure.status, failure.body, itemIndex, { hint: hintFor(failure.status), tried, askedWaitMs });
	}
}

/**
 * The error for an answer an operation accepted in order to look at it first (see
 * `acceptStatuses`): the usual message (status and what Elastic Path said), with a
 * description only the operation can give.
 */
export function answerError(context: { getNode(): INode }, itemIndex: number, response: EpccResponse, hint: string) {
	return answerToNodeError(context.getNode(), response.statusCode, response.body, itemIndex, { hint });
}
