import { sleep } from 'n8n-workflow';

import { EpccEmulator } from '../../../testkit/emulator/EpccEmulator';

const CLIENTS = [
	{ clientId: 'bench-a', clientSecret: 'secret-a' },
	{ clientId: 'bench-b', clientSecret: 'secret-b' },
];

async function tokenFor(baseUrl: string, client: (typeof CLIENTS)[number]): Promise<string> {
	const response = await fetch(`${baseUrl}/oauth/access_token`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret }).toString(),
	});
	return ((await response.json()) as { access_token: string }).access_token;
}

async function remove(baseUrl: string, token: string, n: number): Promise<number> {
	const response = await fetch(`${baseUrl}/v2/carts/cart-${n}/relationships/customers`, {
		method: 'DELETE',
		headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
		body: JSON.stringify({ data: [{ type: 'customer', id: `cust-${n}` }] }),
	});
	await response.arrayBuffer();
	return response.status;
}

const sum = (series: number[]) => series.reduce((a, b) => a + b, 0);

describe('the emulator counts traffic per client', () => {
	let emulator: EpccEmulator;
	afterEach(async () => await emulator.stop());

	it('attributes each API request to the client ID of its token; refusals are counted apart', async () => {
		emulator = new EpccEmulator({ clients: CLIENTS, rateLimit: 5, rateWindow: 'fixed' });
		const baseUrl = await emulator.start();
		for (let n = 1; n <= 8; n++) emulator.state.addCart(`cart-${n}`, { customers: [`cust-${n}`] });
		const [a, b] = [await tokenFor(baseUrl, CLIENTS[0]), await tokenFor(baseUrl, CLIENTS[1])];
		// Two token requests opened the window: three API requests fit, the other five are refused.
		const statuses = await Promise.all([1, 2, 3, 4].map((n) => remove(baseUrl, a, n)).concat([5, 6, 7, 8].map((n) => remove(baseUrl, b, n))));
		expect(statuses.filter((s) => s === 204)).toHaveLength(3);
		expect(statuses.filter((s) => s === 429)).toHaveLength(5);

		const { clients, bucketMs } = emulator.traffic();
		expect(bucketMs).toBe(100);
		expect(Object.keys(clients).sort()).toEqual(['bench-a', 'bench-b']);
		expect(sum(clients['bench-a'].accepted) + sum(clients['bench-b'].accepted)).toBe(3);
		expect(sum(clients['bench-a'].refused) + sum(clients['bench-b'].refused)).toBe(5);
		expect(sum(clients['bench-a'].accepted) + sum(clients['bench-a'].refused)).toBe(4);
		expect(emulator.apiRequests().map((r) => r.clientId)).toEqual(expect.arrayContaining(['bench-a', 'bench-b']));
	});

	it('counts another client against the same limit', async () => {
		// Fixed windows, and a storefront that fills each of them within its first 50 ms.
		emulator = new EpccEmulator({
			rateLimit: 500,
			rateWindow: 'fixed',
			otherClients: [{ clientId: 'storefront', perSecond: 10_000, fromMs: 0, untilMs: 300_000 }],
		});
		const baseUrl = await emulator.start();
		emulator.state.addCart('cart-1', { customers: ['cust-1'] });
		const token = await tokenFor(baseUrl, { clientId: 'test-client-id', clientSecret: 'test-client-secret' });
		await sleep(1100);
		// The window that began at 1000 ms is full: no slot is left for the node.
		expect(await remove(baseUrl, token, 1)).toBe(429);

		const storefront = emulator.traffic().clients.storefront;
		expect(sum(storefront.refused)).toBeGreaterThan(0);
		const firstSecond = sum(storefront.accepted.slice(0, 10));
		// The token request took one slot of the first window.
		expect(firstSecond).toBe(499);
	});

	it('answers the scripted API request 429 once, whatever the limit', async () => {
		emulator = new EpccEmulator({ throttleApiRequests: [2] });
		const baseUrl = await emulator.start();
		for (let n = 1; n <= 3; n++) emulator.state.addCart(`cart-${n}`, { customers: [`cust-${n}`] });
		const token = await tokenFor(baseUrl, { clientId: 'test-client-id', clientSecret: 'test-client-secret' });
		const statuses = [];
		for (let n = 1; n <= 3; n++) statuses.push(await remove(baseUrl, token, n));
		expect(statuses).toEqual([204, 429, 204]);
		expect(emulator.traffic().clients['test-client-id']).toEqual({ accepted: [2], refused: [1] });
	});
});
