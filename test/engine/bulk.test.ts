import { sleep } from 'n8n-workflow';

import type { Answer } from '../../testkit/emulator/jsonapi';
import { runWorkflow } from '../../testkit/engine/runWorkflow';
import { associationParameters, clientCredentials, seedPairs, useEmulator } from './fixtures';

const unavailable: Answer = { status: 503, body: { errors: [{ status: 503, title: 'Service Unavailable' }] } };
const throttled = (retryAfter?: string): Answer => ({
	status: 429,
	body: { errors: [{ status: 429, title: 'Too Many Requests' }] },
	headers: retryAfter === undefined ? {} : { 'Retry-After': retryAfter },
});

describe('bulk runs: concurrency, pacing, retries', () => {
	const emulator = useEmulator();

	it('keeps input order and pairing whatever order the answers come back in', async () => {
		const items = seedPairs(emulator(), 40);
		// Answers take 0–120 ms, shuffled by cart number, so later items often finish first.
		emulator().options.latencyMs = (r) => ((Number(/cart-(\d+)/.exec(r.url)?.[1] ?? 0) * 37) % 13) * 10;

		const { output } = await runWorkflow({
			parameters: { ...associationParameters('delete'), requestSettings: { maxConcurrency: 10 } },
			items,
			credentials: clientCredentials(emulator()),
		});

		expect(output.map((o) => [o.json.cartId, o.pairedItem])).toEqual(items.map((item, index) => [item.cartId, { item: index }]));
		const arrival = emulator().apiRequests().map((r) => r.url);
		const completion = [...emulator().apiRequests()].sort((a, b) => a.answeredAt! - b.answeredAt!).map((r) => r.url);
		expect(new Set(arrival).size).toBe(40);
		expect(completion).not.toEqual(arrival);
		expect(emulator().maxInFlight).toBeGreaterThan(1);
	});

	it('never has more requests in flight than Max Concurrency', async () => {
		const items = seedPairs(emulator(), 30);
		emulator().options.latencyMs = 60;

		await runWorkflow({
			parameters: { ...associationParameters('delete'), requestSettings: { maxConcurrency: 3 } },
			items,
			credentials: clientCredentials(emulator()),
		});

		expect(emulator().maxInFlight).toBeLessThanOrEqual(3);
		expect(emulator().maxInFlight).toBeGreaterThan(1);
	});

	it('sends no faster than Max Requests per Second', async () => {
		const items = seedPairs(emulator(), 21);

		await runWorkflow({
			parameters: { ...associationParameters('delete'), requestSettings: { maxRequestsPerSecond: 10 } },
			items,
			credentials: clientCredentials(emulator()),
		});

		const times = emulator().apiRequests().map((r) => r.receivedAt);
		// 21 requests at 10/s span at least 2 s (a little slack for timer granularity).
		expect(times[times.length - 1] - times[0]).toBeGreaterThanOrEqual(1900);
	});

	it.each([
		['503', { kind: 'answer' as const, answer: unavailable }],
		['502', { kind: 'answer' as const, answer: { status: 502, text: '<html><title>Bad Gateway</title></html>', contentType: 'text/html' } }],
		['504', { kind: 'answer' as const, answer: { status: 504, text: '' } }],
		['429', { kind: 'answer' as const, answer: throttled() }],
		['a connection reset before the request was handled', { kind: 'reset-before' as const }],
		['a connection reset after the request was handled', { kind: 'reset-after' as const }],
	])('retries a removal after %s and succeeds', async (_label, fault) => {
		seedPairs(emulator(), 1);
		emulator().failNext(fault, 2);

		const { output, error } = await runWorkflow({
			parameters: associationParameters('delete'),
			items: [{ cartId: 'cart-1', customerId: 'cust-1' }],
			credentials: clientCredentials(emulator()),
		});

		expect(error).toBeUndefined();
		expect(output[0].json).toEqual({ cartId: 'cart-1', customerId: 'cust-1', success: true });
		expect(emulator().apiRequests()).toHaveLength(3);
	});

	it('retries a request that timed out', async () => {
		seedPairs(emulator(), 1);
		emulator().failNext({ kind: 'hang' }, 1);

		const { output } = await runWorkflow({
			parameters: { ...associationParameters('delete'), requestSettings: { timeoutMs: 1000 } },
			items: [{ cartId: 'cart-1', customerId: 'cust-1' }],
			credentials: clientCredentials(emulator()),
		});

		expect(output[0].json.success).toBe(true);
		expect(emulator().apiRequests()).toHaveLength(2);
	});

	it('retries an add after a reset too: adding twice is harmless', async () => {
		emulator().state.addCart('cart-1');
		emulator().state.addCustomer('cust-1');
		emulator().failNext({ kind: 'reset-after' }, 1);

		const { output } = await runWorkflow({
			parameters: associationParameters('create'),
			items: [{ cartId: 'cart-1', customerId: 'cust-1' }],
			credentials: clientCredentials(emulator()),
		});

		expect(output[0].json.success).toBe(true);
		expect(emulator().apiRequests().map((r) => r.status)).toEqual([200, 204]);
	});

	it.each([
		['seconds', '1'],
		['an HTTP date', 'date'],
	])('waits as long as Retry-After says (%s)', async (_label, kind) => {
		seedPairs(emulator(), 1);
		const retryAfter = kind === 'date' ? new Date(Date.now() + 3000).toUTCString() : '1';
		emulator().failNext({ kind: 'answer', answer: throttled(retryAfter) }, 1);

		const { output } = await runWorkflow({
			parameters: associationParameters('delete'),
			items: [{ cartId: 'cart-1', customerId: 'cust-1' }],
			credentials: clientCredentials(emulator()),
		});

		expect(output[0].json.success).toBe(true);
		const [first, second] = emulator().apiRequests();
		// The retry comes no earlier than the date, or a second after the 429 (a little slack for timers).
		const notBefore = kind === 'date' ? Date.parse(retryAfter) : first.answeredAt! + 1000;
		expect(second.receivedAt).toBeGreaterThanOrEqual(notBefore - 15);
	});

	it.each([
		[400, 'The type does not exist or is not listed as customer'],
		[403, 'Cannot associate more than one customer'],
		[404, 'Not Found'],
		[409, 'Conflict'],
		[422, 'Cannot associate customers to carts with contact emails'],
		[500, 'Internal Server Error'],
	])('never retries a %i', async (status, title) => {
		seedPairs(emulator(), 1);
		emulator().failNext({ kind: 'answer', answer: { status, body: { errors: [{ status, title }] } } }, 5);

		const { error } = await runWorkflow({
			parameters: associationParameters('delete'),
			items: [{ cartId: 'cart-1', customerId: 'cust-1' }],
			credentials: clientCredentials(emulator()),
		});

		expect(error?.message).toBe(`Elastic Path answered ${status}: ${title}`);
		expect(emulator().apiRequests()).toHaveLength(1);
	});

	describe('when the retry budget runs out', () => {
		it('gives an error item with Continue On Fail, after Max Attempts tries', async () => {
			const items = seedPairs(emulator(), 3);
			emulator().failNext({ kind: 'answer', answer: unavailable }, 100, (r) => r.url.includes('/cart-2/'));

			const { output } = await runWorkflow({
				parameters: { ...associationParameters('delete'), requestSettings: { maxAttempts: 3 } },
				items,
				credentials: clientCredentials(emulator()),
				continueOnFail: true,
			});

			expect(output.map((o) => [o.json.success ?? o.json.error, o.pairedItem])).toEqual([
				[true, { item: 0 }],
				['Elastic Path answered 503: Service Unavailable', { item: 1 }],
				[true, { item: 2 }],
			]);
			expect(output[1].json.errorDescription).toContain('Gave up after 3 attempts.');
			expect(emulator().apiRequests().filter((r) => r.url.includes('/cart-2/'))).toHaveLength(3);
		});

		it('fails the node without it', async () => {
			seedPairs(emulator(), 1);
			emulator().failNext({ kind: 'answer', answer: unavailable }, 100);

			const { error } = await runWorkflow({
				parameters: { ...associationParameters('delete'), requestSettings: { maxAttempts: 2 } },
				items: [{ cartId: 'cart-1', customerId: 'cust-1' }],
				credentials: clientCredentials(emulator()),
			});

			expect(error?.message).toBe('Elastic Path answered 503: Service Unavailable');
			expect(emulator().apiRequests()).toHaveLength(2);
		});
	});

	it('fails with the first error in input order, after the requests in flight have settled', async () => {
		const items = seedPairs(emulator(), 8);
		// Item 1 fails slowly, item 4 fails at once: the node must report item 1.
		emulator().options.latencyMs = (r) => (r.url.includes('/cart-2/') ? 400 : 20);
		const forbidden = (title: string): Answer => ({ status: 403, body: { errors: [{ status: 403, title }] } });
		emulator().failNext({ kind: 'answer', answer: forbidden('slow failure') }, 1, (r) => r.url.includes('/cart-2/'));
		emulator().failNext({ kind: 'answer', answer: forbidden('fast failure') }, 1, (r) => r.url.includes('/cart-5/'));

		const { error } = await runWorkflow({
			parameters: { ...associationParameters('delete'), requestSettings: { maxConcurrency: 8, maxRequestsPerSecond: 100 } },
			items,
			credentials: clientCredentials(emulator()),
		});
		const requestsAtFailure = emulator().log.length;

		expect(error?.message).toBe('Elastic Path answered 403: slow failure');
		expect(emulator().log.every((r) => r.status !== undefined)).toBe(true);
		await sleep(300);
		expect(emulator().log).toHaveLength(requestsAtFailure);
	});

	it('brings the rate down under a 429 storm', async () => {
		const items = seedPairs(emulator(), 60);
		// A store that takes 10 requests per second, while the node starts at 20.
		emulator().options.rateLimit = 10;

		const { output } = await runWorkflow({
			parameters: associationParameters('delete'),
			items,
			credentials: clientCredentials(emulator()),
		});

		expect(output.every((o) => o.json.success === true)).toBe(true);
		const requests = emulator().log;
		const throttledShare = (part: typeof requests) => part.filter((r) => r.status === 429).length / part.length;
		// Sending at a fixed 20/s, about half of all requests would be refused throughout.
		expect(throttledShare(requests.slice(Math.floor(requests.length / 2)))).toBeLessThan(0.15);
	});

	it('stops sending when the execution is cancelled', async () => {
		const items = seedPairs(emulator(), 200);
		emulator().options.latencyMs = 50;

		const started = Date.now();
		const { run } = await runWorkflow({
			parameters: { ...associationParameters('delete'), requestSettings: { maxConcurrency: 2 } },
			items,
			credentials: clientCredentials(emulator()),
			cancelAfterMs: 400,
		});
		const cancelledAt = started + 400;
		await sleep(600);

		expect(run.status).toBe('canceled');
		const late = emulator().apiRequests().filter((r) => r.receivedAt > cancelledAt + 100);
		expect(late).toHaveLength(0);
		expect(emulator().apiRequests().length).toBeLessThan(40);
	});
});
