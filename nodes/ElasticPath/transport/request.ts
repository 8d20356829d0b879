import type { IExecuteFunctions } from 'n8n-workflow';

import { failureToNodeError } from './apiError';
import type { Failure } from './failure';
import { decideRetry, mayHaveBeenProcessed } from './retry';
import type { Answer, EpccRequest } from './send';
import { sendOnce } from './send';
import type { TransportSession } from './session';
import { sessionFor } from './session';
import { unlessCancelled, wait } from './wait';

export type { EpccRequest } from './send';

export interface EpccCall extends EpccRequest {
	/** Error statuses handed back to the caller instead of thrown (e.g. 404 when "not found" is fine). */
	acceptStatuses?: number[];
	/**
	 * Sending the request twice is harmless, so it may be retried after a failure that may
	 * have come after the API did the work (a reset, a timeout, a 502/504). GET and DELETE are
	 * by HTTP's definition; a POST only when the caller says so.
	 */
	idempotent?: boolean;
}

export interface EpccResponse {
	statusCode: number;
	body: unknown;
}

const MAX_THROTTLED_RETRIES = 20;

const isUnauthorized = (result: Answer | Failure) => result.kind === 'answer' && result.status === 401;

/**
 * One attempt, renewing the token if it has expired. Only n8n can renew the stored token
 * (it does when a request it sends is answered 401), so one request has it renewed while
 * the others refused at the same moment wait and then use the new token.
 */
async function sendRenewingToken(context: IExecuteFunctions, session: TransportSession, call: EpccCall) {
	const timeoutMs = session.settings.timeoutMs;
	let result = await sendOnce(context, call, { timeoutMs });
	if (isUnauthorized(result) && session.renewal) {
		await session.renewal;
		result = await sendOnce(context, call, { timeoutMs });
	}
	if (isUnauthorized(result)) {
		const renewal = sendOnce(context, call, { renewToken: true, timeoutMs });
		session.renewal = renewal;
		result = await renewal;
		if (session.renewal === renewal) session.renewal = undefined;
	}
	return result;
}

/** Resolves with the send time once the pace allows; rejects if the execution is cancelled meanwhile. */
async function paced(session: TransportSession): Promise<number> {
	return await unlessCancelled(session.pacer.acquire(), session.signal);
}

/** The first request of an execution goes alone: it fetches the token that the others then use. */
async function firstAnswerGate(session: TransportSession): Promise<(() => void) | undefined> {
	if (session.firstAnswer) {
		await session.firstAnswer;
		return undefined;
	}
	let release!: () => void;
	session.firstAnswer = new Promise((resolve) => (release = resolve));
	return release;
}

/**
 * Every Elastic Path API call of the node goes through here: paced at the rate the store
 * accepts, retried when that can help, token renewed, errors made readable.
 */
export async function epccRequest(this: IExecuteFunctions, itemIndex: number, call: EpccCall): Promise<EpccResponse> {
	const session = sessionFor(this);
	const { maxAttempts } = session.settings;
	const idempotent = call.idempotent ?? (call.method === 'GET' || call.method === 'DELETE' || call.method === 'PUT');

	const releaseOthers = await firstAnswerGate(session);
	let result: Answer | Failure;
	let attempt = 0;
	let throttled = 0;
	let maybeDone = false;
	for (;;) {
		attempt++;
		let sentAt: number;
		try {
			sentAt = await paced(session);
			result = await sendRenewingToken(this, session, call);
		} finally {
			releaseOthers?.();
		}
		if (result.kind === 'answer') {
			if (result.status === 429) {
				session.rate.onThrottled(sentAt);
				// A 429 is the store pacing us, not a failure of this request: it does not use up
				// Max Attempts (but a store that keeps refusing still ends the retries).
				if (++throttled <= MAX_THROTTLED_RETRIES) attempt--;
			} else if (result.status < 500) session.rate.onAccepted();
			if (result.status < 300 || call.acceptStatuses?.includes(result.status)) {
				return { statusCode: result.status, body: result.body };
			}
		}
		const decision = decideRetry(result, { attempt, tries: attempt + throttled, maxAttempts, idempotent });
		if (!decision.retry) break;
		maybeDone ||= mayHaveBeenProcessed(result);
		await wait(decision.delayMs, session.signal);
	}
	throw failureToNodeError(this.getNode(), result, itemIndex, { attempts: attempt, maybeDone });
}
