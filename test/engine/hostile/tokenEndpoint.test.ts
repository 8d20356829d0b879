import { sleep } from 'n8n-workflow';

import { isApiRequest, isTokenRequest } from '../../../testkit/emulator/EpccEmulator';
import { runWorkflow } from '../../../testkit/engine/runWorkflow';
import { HostileServer, isTokenPath } from '../../../testkit/hostile/HostileServer';
import { associationParameters, clientCredentials, seedPairs, useEmulator } from '../fixtures';

/** Polls until `check` holds; the deadline only bounds a test that would otherwise hang. */
async function eventually(check: () => boolean, deadlineMs = 10_000): Promise<boolean> {
	for (const end = Date.now() + deadlineMs; Date.now() < end; await sleep(50)) if (check()) return true;
	return check();
}

describe('one token fetch at a time per store', () => {
	const emulator = useEmulator();

	it('40 items with the token endpoint down make a handful of token requests, and send nothing without a token', async () => {
		const items = seedPairs(emulator(), 40);
		emulator().failNext({ kind: 'answer', answer: { status: 500, body: { errors: [{ status: 500, title: 'Internal Server Error' }] } } }, 1000, isTokenRequest);

		const { output } = await runWorkflow({
			parameters: { ...associationParameters('delete'), requestSettings: { maxAttempts: 3 } },
			items,
			credentials: clientCredentials(emulator()),
			continueOnFail: true,
		});

		expect(output.map((o) => o.json.error)).toEqual(Array(40).fill('Elastic Path failed to issue an access token (HTTP 500: Internal Server Error)'));
		expect(emulator().tokenRequests().length).toBeLessThanOrEqual(5);
		expect(emulator().apiRequests()).toEqual([]);
	}, 30_000);

	it('after a failed renewal, the waiting requests share the next fetch instead of fetching one each', async () => {
		const items = seedPairs(emulator(), 12);
		emulator().options.latencyMs = 300;
		let removals = 0;
		emulator().beforeHandle = (request) => {
			if (isApiRequest(request) && ++removals === 2) {
				emulator().state.expireAccessTokens();
				emulator().failNext({ kind: 'answer', answer: { status: 503, body: { errors: [{ status: 503, title: 'Unavailable' }] } } }, 1, isTokenRequest);
			}
		};

		const { output } = await runWorkflow({
			parameters: { ...associationParameters('delete'), requestSettings: { maxConcurrency: 12 } },
			items,
			credentials: clientCredentials(emulator()),
		});

		expect(output.map((o) => o.json.success)).toEqual(Array(12).fill(true));
		// The first token, the renewal that failed, the one after it.
		expect(emulator().tokenRequests().length).toBeLessThanOrEqual(3);
	}, 30_000);
});

describe('a token endpoint that never answers', () => {
	let store: HostileServer;
	beforeEach(async () => {
		store = await new HostileServer((request) => (isTokenPath(request) ? 'hang' : { status: 204 })).start();
	});
	afterEach(async () => await store.stop());

	const credentials = () => ({ region: 'custom', baseUrl: store.origin, authType: 'clientCredentials', clientId: 'id', clientSecret: 'secret' });
	const items = [1, 2, 3, 4, 5].map((n) => ({ cartId: `cart-${n}`, customerId: `cust-${n}` }));

	it('obeys the node\'s Timeout: every item fails with a timeout error, and no connection stays open', async () => {
		const started = Date.now();

		const { output } = await runWorkflow({
			parameters: { ...associationParameters('delete'), requestSettings: { timeoutMs: 1000, maxAttempts: 2 } },
			items,
			credentials: credentials(),
			continueOnFail: true,
		});

		expect(Date.now() - started).toBeLessThan(15_000);
		expect(output.map((o) => o.json.error)).toEqual(Array(5).fill('No access token from Elastic Path: it did not answer in time'));
		expect(store.tokenRequests().length).toBeLessThanOrEqual(3);
		expect(store.apiRequests()).toEqual([]);
		expect(await eventually(() => store.openSockets === 0)).toBe(true);
	}, 30_000);

	it('ends when the execution is cancelled, and closes the connection to the token endpoint', async () => {
		const started = Date.now();

		const { run } = await runWorkflow({
			parameters: associationParameters('delete'),
			items,
			credentials: credentials(),
			cancelAfterMs: 300,
		});

		expect(Date.now() - started).toBeLessThan(10_000);
		expect(run.status === 'canceled' || run.data.resultData.error !== undefined).toBe(true);
		expect(store.tokenRequests().length).toBeGreaterThan(0);
		expect(await eventually(() => store.openSockets === 0)).toBe(true);
	}, 30_000);
});
