import { randomUUID } from 'node:crypto';

import { sharedPacer } from '../../../../nodes/ElasticPath/transport/rate';
import { singleTokenFetch } from '../../../../nodes/ElasticPath/transport/token';

/**
 * Pacing and backoff measure intervals: a wall clock stepped back (NTP, a resumed VM) must not
 * stall them by the size of the step. Date.now is stepped back an hour partway through.
 */
describe('a wall clock stepped back an hour', () => {
	const realNow = Date.now;
	let stepped = false;
	beforeEach(() => {
		stepped = false;
		jest.spyOn(Date, 'now').mockImplementation(() => realNow() - (stepped ? 3_600_000 : 0));
	});
	afterEach(() => jest.restoreAllMocks());

	it('does not hold up a store\'s pacer: 40 requests at the starting 20/s still go in about 2 s', async () => {
		const pacer = sharedPacer(randomUUID());
		const started = realNow();
		for (let sent = 0; sent < 40; sent++) {
			if (sent === 10) stepped = true;
			pacer.rate.accepted(await pacer.acquire());
		}
		expect(realNow() - started).toBeLessThan(4_000);
	});

	it('does not hold up the next token fetch after a failure: it waits its 1 s backoff, not an hour', async () => {
		const key = randomUUID();
		await expect(singleTokenFetch(key, async () => await Promise.reject(new Error('down')))).rejects.toThrow('down');
		stepped = true;
		const started = realNow();
		await expect(singleTokenFetch(key, async () => await Promise.resolve('token'))).resolves.toBe('token');
		expect(realNow() - started).toBeLessThan(3_000);
	});
});
