import { randomUUID } from 'node:crypto';

import { AccessTokenError, classifyFailure } from '../../../nodes/ElasticPath/transport/failure';
import { holdTokenFetches, singleTokenFetch } from '../../../nodes/ElasticPath/transport/token';

describe('single-flight token fetches', () => {
	it('callers that come while a fetch runs take its result: one fetch', async () => {
		const key = randomUUID();
		let fetches = 0;
		const fetch = async () => (fetches++, await Promise.resolve('token-1'));

		await expect(Promise.all([1, 2, 3].map(async () => await singleTokenFetch(key, fetch)))).resolves.toEqual(['token-1', 'token-1', 'token-1']);
		expect(fetches).toBe(1);
	});

	it('shares a failure, waits before the next fetch, and fails at once after three in a row', async () => {
		const key = randomUUID();
		const sent: number[] = [];
		const fetch = async () => (sent.push(Date.now()), await Promise.reject(new Error('down')));

		await expect(Promise.all([singleTokenFetch(key, fetch), singleTokenFetch(key, fetch)])).rejects.toThrow('down');
		await expect(singleTokenFetch(key, fetch)).rejects.toThrow('down');
		await expect(singleTokenFetch(key, fetch)).rejects.toThrow('down');
		expect(sent).toHaveLength(3);
		// The backoff: at least 1 s, then 2 s, between the fetches.
		expect(sent[1] - sent[0]).toBeGreaterThanOrEqual(900);
		expect(sent[2] - sent[1]).toBeGreaterThanOrEqual(1900);

		const fast = await singleTokenFetch(key, fetch).catch((error: unknown) => error);
		expect(sent).toHaveLength(3);
		expect(classifyFailure(fast)).toEqual({ kind: 'token', reason: 'BACKOFF', status: undefined, message: 'down' });
	}, 10_000);

	it('retries a token endpoint that answered 429 after a quarter second: busy, not down', async () => {
		const key = randomUUID();
		const sent: number[] = [];
		const fetch = async () => {
			sent.push(Date.now());
			if (sent.length === 1) throw new AccessTokenError('Too Many Requests', 429);
			return 'token-1';
		};

		await expect(singleTokenFetch(key, fetch)).rejects.toThrow('Too Many Requests');
		await expect(singleTokenFetch(key, fetch)).resolves.toBe('token-1');
		expect(sent[1] - sent[0]).toBeGreaterThanOrEqual(200);
		expect(sent[1] - sent[0]).toBeLessThan(900);
	});

	it('gives the fetch the longest Timeout of the requests waiting, and aborts it when none is left', async () => {
		const key = randomUUID();
		const releases = [holdTokenFetches(key, 1000), holdTokenFetches(key, 5000)];
		let bounds: { timeoutMs: number; signal: AbortSignal } | undefined;
		let started!: () => void;
		const fetchStarted = new Promise<void>((resolve) => (started = resolve));
		const fetching = singleTokenFetch(key, async (given) => {
			bounds = given;
			started();
			return await new Promise<string>((_resolve, reject) => given.signal.addEventListener('abort', () => reject(new Error('aborted'))));
		});
		await fetchStarted;

		expect(bounds?.timeoutMs).toBe(5000);
		releases[0]();
		expect(bounds?.signal.aborted).toBe(false);
		releases[1]();
		await expect(fetching).rejects.toThrow('aborted');
	});
});
