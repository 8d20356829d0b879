import { runWorkflow } from '../../../testkit/engine/runWorkflow';
import { associationParameters, clientCredentials, seedPairs, useEmulator } from '../fixtures';

describe('a Retry-After longer than the node waits', () => {
	const emulator = useEmulator();

	it.each([
		['an hour', '3600', '3600 s'],
		['past what a timer holds (2^31 ms)', '9999999999', '9999999999 s'],
		['an HTTP date a day away', new Date(Date.now() + 86_400_000).toUTCString(), 's'],
	])('%s fails the item at once, naming the wait asked for and the cap; the others succeed', async (_what, retryAfter, said) => {
		const items = seedPairs(emulator(), 3);
		emulator().failNext(
			{ kind: 'answer', answer: { status: 429, headers: { 'Retry-After': retryAfter }, body: { errors: [{ status: 429, title: 'Too Many Requests' }] } } },
			1000,
			(request) => request.url.startsWith('/v2/carts/cart-2/'),
		);
		const started = Date.now();

		const { output } = await runWorkflow({
			parameters: associationParameters('delete'),
			items,
			credentials: clientCredentials(emulator()),
			continueOnFail: true,
		});

		expect(Date.now() - started).toBeLessThan(10_000);
		expect(output.map((o) => o.json.success)).toEqual([true, undefined, true]);
		expect(output[1].json).toEqual(
			expect.objectContaining({
				error: expect.stringMatching(
					new RegExp(`^Elastic Path answered 429: Too Many Requests, and asked to wait \\d+ s before trying again: more than the 60 s the node waits`),
				),
				httpCode: '429',
			}),
		);
		expect(String(output[1].json.error)).toContain(said);
		expect(emulator().log.filter((request) => request.url.startsWith('/v2/carts/cart-2/'))).toHaveLength(1);
	}, 15_000);
});
