import { runWorkflow } from '../../../testkit/engine/runWorkflow';
import { cartParameters, clientCredentials, listingOffsets, useEmulator } from '../fixtures';

const iso = (ms: number) => new Date(ms).toISOString();

/** Get Many of one customer's carts, one cart-and-customer pair each, from a listing started after `receivedAt` (the item's). */
const cartsOfCustomer = () =>
	cartParameters('getAll', {
		returnAll: true,
		filters: { customerId: { __rl: true, mode: 'id', value: '={{ $json.customerId }}' } },
		options: { output: 'cartCustomerPair', listingStartedAfter: '={{ $json.receivedAt }}' },
	});

describe('Cart › Get Many › Share a Listing Started After', () => {
	const emulator = useEmulator({ latencyMs: 5 });

	/** 300 carts: customers cust-1 to cust-20 hold two carts each among carts of other customers. */
	const seed = () => {
		for (let n = 1; n <= 300; n++) {
			const owner = n <= 40 ? `cust-${Math.ceil(n / 2)}` : `other-${n}`;
			emulator().state.addCart(`cart-${n}`, { customers: [owner] });
		}
	};

	it('20 events at once list the store once, and each finds exactly its own customer\'s carts', async () => {
		seed();
		const receivedAt = iso(Date.now() - 5_000);
		const items = Array.from({ length: 20 }, (_, n) => ({ customerId: `cust-${n + 1}`, receivedAt }));

		const { output, error } = await runWorkflow({ typeVersion: 2, parameters: cartsOfCustomer(), items, credentials: clientCredentials(emulator()) });

		expect(error).toBeUndefined();
		expect(listingOffsets(emulator())).toEqual([0, 100, 200, 300]);
		for (const [index, { customerId }] of items.entries()) {
			const mine = output.filter((o) => (o.pairedItem as { item: number }).item === index);
			expect(mine.map((o) => [o.json.customerId, o.json.cartId]).sort()).toEqual(
				[`cart-${2 * index + 1}`, `cart-${2 * index + 2}`].map((cartId) => [customerId, cartId]).sort(),
			);
		}
	});

	it('two executions at once share it too', async () => {
		seed();
		const receivedAt = iso(Date.now() - 5_000);
		const run = async (customers: number[]) =>
			await runWorkflow({ typeVersion: 2, parameters: cartsOfCustomer(), items: customers.map((n) => ({ customerId: `cust-${n}`, receivedAt })), credentials: clientCredentials(emulator()) });

		const [first, second] = await Promise.all([run([1, 2, 3]), run([4, 5, 6])]);

		expect([...first.output, ...second.output]).toHaveLength(12);
		expect(listingOffsets(emulator())).toEqual([0, 100, 200, 300]);
	});

	it('never uses a listing that started before the event arrived: a cart given to the customer after it started is found', async () => {
		seed();
		const first = await runWorkflow({ typeVersion: 2, parameters: cartsOfCustomer(), items: [{ customerId: 'cust-1', receivedAt: iso(Date.now() - 5_000) }], credentials: clientCredentials(emulator()) });
		emulator().state.addCart('cart-new', { customers: ['cust-1'] });

		const later = await runWorkflow({ typeVersion: 2, parameters: cartsOfCustomer(), items: [{ customerId: 'cust-1', receivedAt: iso(Date.now()) }], credentials: clientCredentials(emulator()) });

		expect(first.output.map((o) => o.json.cartId).sort()).toEqual(['cart-1', 'cart-2']);
		expect(later.output.map((o) => o.json.cartId).sort()).toEqual(['cart-1', 'cart-2', 'cart-new']);
		expect(listingOffsets(emulator())).toEqual([0, 100, 200, 300, 0, 100, 200, 300]);
	});

	it('a listing for an event that has just arrived starts only once clocks of n8n\'s processes can no longer disagree on it', async () => {
		seed();
		const receivedAt = Date.now();

		await runWorkflow({ typeVersion: 2, parameters: cartsOfCustomer(), items: [{ customerId: 'cust-1', receivedAt: iso(receivedAt) }], credentials: clientCredentials(emulator()) });

		const firstPage = emulator().apiRequests().find((request) => request.path === '/v2/carts');
		expect(firstPage!.receivedAt).toBeGreaterThanOrEqual(receivedAt + 1_000);
	});

	it('without the option, each item lists on its own', async () => {
		seed();
		const items = [1, 2].map((n) => ({ customerId: `cust-${n}` }));
		const parameters = cartParameters('getAll', { returnAll: true, filters: { customerId: { __rl: true, mode: 'id', value: '={{ $json.customerId }}' } }, options: { output: 'cartCustomerPair' } });

		await runWorkflow({ typeVersion: 2, parameters, items, credentials: clientCredentials(emulator()) });

		expect(listingOffsets(emulator())).toEqual([0, 0, 100, 100, 200, 200, 300, 300]);
	});

	it('a time that is no date fails the item, naming the field', async () => {
		const { error } = await runWorkflow({ typeVersion: 2, parameters: cartsOfCustomer(), items: [{ customerId: 'cust-1', receivedAt: 'soon' }], credentials: clientCredentials(emulator()) });

		expect(error?.message).toContain('Share a Listing Started After');
		expect(error?.message).toContain('field "options.listingStartedAfter"');
	});
});
