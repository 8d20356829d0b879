import * as workflow from 'n8n-workflow';

import type { Failure } from './failure';
import { cancelled } from './rate';

/*
 * When a failed request is sent again, and the waits in between, which end as soon as the
 * execution is cancelled.
 */

interface RetryDecision {
	retry: boolean;
	/** Why not, or what is retried (for counting). */
	reason: 'success' | 'throttled' | 'unavailable' | 'network' | 'fatal' | 'unsafe' | 'exhausted' | 'wait-too-long';
	delayMs: number;
	/** With `wait-too-long`: the wait the server asked for, in ms. */
	askedMs?: number;
}

/** The longest `Retry-After` the node honours; a server asking for more fails the item at once. */
export const MAX_RETRY_AFTER_MS = 60_000;

const BASE_DELAY_MS = 250;
const MAX_DELAY_MS = 20_000;

/** Answers that mean the request was not processed: safe to send again whatever the method. */
const NOT_PROCESSED = new Set([429, 503]);
/** Answers from a gateway after which the API may or may not have done the work. */
const MAYBE_PROCESSED = new Set([502, 504]);

/** `Retry-After` in seconds or as an HTTP date, in ms from now; undefined when absent or unreadable. */
function retryAfterMs(headers: Record<string, unknown>, now = Date.now()): number | undefined {
	const raw = Object.entries(headers).find(([name]) => name.toLowerCase() === 'retry-after')?.[1];
	const value = Array.isArray(raw) ? raw[0] : raw;
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
	const date = Date.parse(text);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with full jitter: uniformly random up to base × 2^(attempt-1), capped. */
function backoffMs(attempt: number, random: () => number = Math.random): number {
	const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1));
	return Math.floor(random() * ceiling);
}

/**
 * Whether the API may have done the work although no complete answer came back: a later
 * refusal (say a 403 or 404 because the association is already gone) may then only mean
 * that the first attempt succeeded.
 */
export function mayHaveBeenProcessed(failure: Failure): boolean {
	if (failure.kind === 'network') return failure.code !== 'ECONNREFUSED' && failure.code !== 'ERR_CANCELED';
	return failure.kind === 'answer' && MAYBE_PROCESSED.has(failure.status);
}

interface RetryContext {
	/** Attempts made so far that count against Max Attempts, this one included. */
	attempt: number;
	/** Every try so far, 429s included: sets the backoff (defaults to `attempt`). */
	tries?: number;
	maxAttempts: number;
	/** Whether sending the request twice is harmless (GET, DELETE, or a POST the caller vouches for). */
	idempotent: boolean;
	random?: () => number;
	now?: number;
}

/**
 * Whether a failed attempt is worth another one, and after how long. 4xx answers (other
 * than 429) never are: the same request would get the same answer.
 */
export function decideRetry(failure: Failure, context: RetryContext): RetryDecision {
	const { attempt, maxAttempts, idempotent } = context;
	const wait = (reason: RetryDecision['reason'], minimum = 0): RetryDecision =>
		attempt >= maxAttempts
			? { retry: false, reason: 'exhausted', delayMs: 0 }
			: { retry: true, reason, delayMs: Math.max(minimum, backoffMs(context.tries ?? attempt, context.random)) };

	if (failure.kind === 'answer') {
		if (failure.status < 300) return { retry: false, reason: 'success', delayMs: 0 };
		const retryAfter = retryAfterMs(failure.headers, context.now);
		const retryable = NOT_PROCESSED.has(failure.status) || (MAYBE_PROCESSED.has(failure.status) && idempotent);
		if (retryable && retryAfter !== undefined && retryAfter > MAX_RETRY_AFTER_MS) {
			return { retry: false, reason: 'wait-too-long', delayMs: 0, askedMs: retryAfter };
		}
		if (NOT_PROCESSED.has(failure.status)) {
			return wait(failure.status === 429 ? 'throttled' : 'unavailable', retryAfter);
		}
		if (MAYBE_PROCESSED.has(failure.status)) {
			return idempotent ? wait('unavailable', retryAfter) : { retry: false, reason: 'unsafe', delayMs: 0 };
		}
		return { retry: false, reason: 'fatal', delayMs: 0 };
	}
	if (failure.kind === 'network') {
		if (failure.code === 'ERR_CANCELED') return { retry: false, reason: 'fatal', delayMs: 0 };
		// A reset or a timeout may come after the API did the work.
		return idempotent ? wait('network') : { retry: false, reason: 'unsafe', delayMs: 0 };
	}
	if (failure.kind === 'token' && (failure.reason === 'NETWORK' || failure.status === 429 || (failure.status ?? 0) >= 500)) {
		// The token endpoint was unreachable or overloaded: nothing was done yet.
		return wait('unavailable');
	}
	return { retry: false, reason: 'fatal', delayMs: 0 };
}

type SleepWithAbort = (ms: number, signal?: AbortSignal) => Promise<void>;

// n8n-workflow 1.x exports sleepWithAbort; 2.x only sleep.
const sleepWithAbort = (workflow as unknown as { sleepWithAbort?: SleepWithAbort }).sleepWithAbort;

/**
 * Settles like `promise`, or rejects as soon as the execution is cancelled. The abort
 * listener is removed either way: one left behind per request would keep every request
 * alive until the execution ends.
 */
export async function unlessCancelled<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
	if (!signal) return await promise;
	if (signal.aborted) throw cancelled();
	let onAbort!: () => void;
	const aborted = new Promise<never>((_resolve, reject) => (onAbort = () => reject(cancelled())));
	signal.addEventListener('abort', onAbort, { once: true });
	try {
		return await Promise.race([promise, aborted]);
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
}

/** Node.js fires a timer set past this (2^31 - 1 ms, about 24.8 days) after 1 ms. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * Waits `ms` with n8n's own timers (n8n Cloud rules), ending early with an error on cancellation.
 * n8n 1.x's sleepWithAbort (which clears its timer on abort) never removes its abort listener,
 * so it gets a signal of its own for each wait: one left on the execution's signal per backoff
 * would pile up over a long run's retries.
 */
export async function wait(ms: number, signal?: AbortSignal): Promise<void> {
	if (signal?.aborted) throw cancelled();
	if (!(ms > 0)) return;
	ms = Math.min(ms, LONGEST_TIMER_MS);
	if (!sleepWithAbort || !signal) return await unlessCancelled(workflow.sleep(ms), signal);
	const own = new AbortController();
	const forward = () => own.abort();
	signal.addEventListener('abort', forward, { once: true });
	try {
		await sleepWithAbort(ms, own.signal);
	} catch {
		throw cancelled();
	} finally {
		signal.removeEventListener('abort', forward);
	}
}
