/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- node:events counts the listeners; the stand-in for n8n-workflow 1.x's sleepWithAbort is its own code */
import { getEventListeners } from 'node:events';

import type { Failure } from '../../../nodes/ElasticPath/transport/failure';
import { decideRetry, wait } from '../../../nodes/ElasticPath/transport/retry';

// The host's n8n-workflow as n8n 1.x ships it: sleepWithAbort clears its timer on abort but never
// removes its abort listener (n8n-workflow 1.x, utils.ts). The repository's own n8n-workflow is 2.x, which lacks it.
jest.mock('n8n-workflow', () => ({
	...jest.requireActual<object>('n8n-workflow'),
	sleepWithAbort: async (ms: number, abortSignal?: AbortSignal) =>
		await new Promise<void>((resolve, reject) => {
			if (abortSignal?.aborted) return reject(new Error('cancelled'));
			const timeout = setTimeout(resolve, ms);
			abortSignal?.addEventListener('abort', () => (clearTimeout(timeout), reject(new Error('cancelled'))), { once: true });
		}),
}));

const answer = (status: number, headers: Record<string, unknown> = {}): Failure => ({ kind: 'answer', status, headers, body: undefined });
const context = { attempt: 1, maxAttempts: 5, idempotent: true, random: () => 0.5, now: 0 };

describe('retry policy', () => {
	it.each([429, 502, 503, 504])('retries %i', (status) => {
		expect(decideRetry(answer(status), context).retry).toBe(true);
	});

	it.each([400, 401, 403, 404, 409, 422, 500])('never retries %i', (status) => {
		expect(decideRetry(answer(status), context)).toEqual({ retry: false, reason: 'fatal', delayMs: 0 });
	});

	it.each(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'ECONNREFUSED'])('retries a network failure (%s) of an idempotent request', (code) => {
		expect(decideRetry({ kind: 'network', code }, context).retry).toBe(true);
	});

	it('does not resend a request that is not idempotent after a failure that may have come after the work', () => {
		const post = { ...context, idempotent: false };
		expect(decideRetry({ kind: 'network', code: 'ECONNRESET' }, post).reason).toBe('unsafe');
		expect(decideRetry(answer(502), post).reason).toBe('unsafe');
		expect(decideRetry(answer(504), post).reason).toBe('unsafe');
		// Not processed: safe whatever the method.
		expect(decideRetry(answer(429), post).retry).toBe(true);
		expect(decideRetry(answer(503), post).retry).toBe(true);
	});

	it('stops after Max Attempts', () => {
		expect(decideRetry(answer(503), { ...context, attempt: 5 })).toEqual({ retry: false, reason: 'exhausted', delayMs: 0 });
	});

	it('does not retry a cancelled request', () => {
		expect(decideRetry({ kind: 'network', code: 'ERR_CANCELED' }, context).retry).toBe(false);
	});

	it('retries an unreachable or overloaded token endpoint, not a refused secret', () => {
		expect(decideRetry({ kind: 'token', reason: 'NETWORK', message: '' }, context).retry).toBe(true);
		expect(decideRetry({ kind: 'token', status: 503, reason: '503', message: '' }, context).retry).toBe(true);
		expect(decideRetry({ kind: 'token', status: 401, reason: '401', message: '' }, context).retry).toBe(false);
		expect(decideRetry({ kind: 'token', reason: 'INVALID', message: '' }, context).retry).toBe(false);
	});

	it('waits at least what Retry-After says', () => {
		expect(decideRetry(answer(429, { 'retry-after': '3' }), context).delayMs).toBe(3000);
		expect(decideRetry(answer(503, { 'Retry-After': 'Thu, 01 Jan 1970 00:00:02 GMT' }), context).delayMs).toBe(2000);
	});

	describe('Retry-After', () => {
		/** The wait a 429 with `headers` gets when the jitter adds nothing: what Retry-After asks, or none. */
		const askedWait = (headers: Record<string, unknown>) =>
			decideRetry(answer(429, headers), { attempt: 1, maxAttempts: 5, idempotent: true, random: () => 0, now: 0 }).delayMs;

		it.each([
			[{ 'retry-after': '0' }, 0],
			[{ 'retry-after': '1.5' }, 1500],
			[{ 'Retry-After': ['4'] }, 4000],
			[{ 'retry-after': 'Thu, 01 Jan 1970 00:00:10 GMT' }, 10000],
			[{ 'retry-after': 'Wed, 31 Dec 1969 23:59:00 GMT' }, 0],
			[{ 'retry-after': 'soon' }, 0],
			[{}, 0],
		])('%j → %s ms', (headers, expected) => {
			expect(askedWait(headers)).toBe(expected);
		});
	});

	describe('backoff', () => {
		/** The wait after a 503 without Retry-After on try `tries`, the jitter drawing `draw`. */
		const backoff = (tries: number, draw: number) =>
			decideRetry(answer(503), { attempt: 1, tries, maxAttempts: 5, idempotent: true, random: () => draw }).delayMs;

		it('is exponential with full jitter: anywhere from 0 to base × 2^(tries-1)', () => {
			expect(backoff(1, 0)).toBe(0);
			expect(backoff(1, 0.999)).toBe(249);
			expect(backoff(3, 0.999)).toBe(999);
			expect(backoff(30, 0.999)).toBe(19980);
		});
	});
});

describe('backoff of repeated 429s', () => {
	it('grows with every try, although 429s do not use up Max Attempts', () => {
		const throttled: Failure = { kind: 'answer', status: 429, headers: {}, body: undefined };
		const upTo = (tries: number) => decideRetry(throttled, { attempt: 1, tries, maxAttempts: 5, idempotent: true, random: () => 0.999 }).delayMs;

		expect(upTo(1)).toBe(249);
		expect(upTo(4)).toBe(1998);
	});
});

describe('the Retry-After cap', () => {
	it('waits what the server asks, up to 60 s', () => {
		expect(decideRetry(answer(429, { 'Retry-After': '60' }), context)).toEqual({ retry: true, reason: 'throttled', delayMs: 60_000 });
	});

	it.each(['61', '3600', '9999999999'])('refuses Retry-After: %s at once, with the wait asked for', (seconds) => {
		expect(decideRetry(answer(503, { 'Retry-After': seconds }), context)).toEqual({
			retry: false,
			reason: 'wait-too-long',
			delayMs: 0,
			askedMs: Number(seconds) * 1000,
		});
	});

	it('does not judge the wait of an answer that is not retried anyway', () => {
		expect(decideRetry(answer(502, { 'Retry-After': '3600' }), { ...context, idempotent: false }).reason).toBe('unsafe');
		expect(decideRetry(answer(400, { 'Retry-After': '3600' }), context).reason).toBe('fatal');
	});
});

describe('waits between attempts, on a host with n8n 1.x\'s sleepWithAbort', () => {
	it('leave no abort listener on the execution\'s signal, however many backoffs a long run makes', async () => {
		const execution = new AbortController();
		for (let backoff = 0; backoff < 30; backoff++) await wait(1, execution.signal);
		expect(getEventListeners(execution.signal, 'abort')).toHaveLength(0);
	});

	it('end at once, with the cancellation error, when the execution is cancelled', async () => {
		const execution = new AbortController();
		const started = Date.now();
		const waiting = wait(60_000, execution.signal);
		execution.abort();
		await expect(waiting).rejects.toThrow('The execution was cancelled');
		expect(Date.now() - started).toBeLessThan(1_000);
		expect(getEventListeners(execution.signal, 'abort')).toHaveLength(0);
	});
});
