import { runWorkflow } from '../../../testkit/engine/runWorkflow';
import { HostileServer, issuing } from '../../../testkit/hostile/HostileServer';
import { cartParameters } from '../fixtures';

/** A cart answer that carries top-level fields named like the node's own. */
const cart = (id: string) => ({
	type: 'cart',
	id,
	name: 'Cart',
	cartId: 'another-cart',
	customerId: 'another-customer',
	customerIds: ['another-customer'],
	accountIds: ['another-account'],
	relationships: { customers: { data: [{ type: 'customer', id: 'cust-1' }] }, accounts: {} },
	meta: { timestamps: { created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z', expires_at: '2026-02-01T00:00:00Z' } },
});

describe("the node's own fields win over a cart answer's fields of the same name", () => {
	let store: HostileServer;
	beforeEach(async () => {
		store = await new HostileServer(
			issuing('ep_cc_token', (request) =>
				request.path === '/v2/carts'
					? { status: 200, body: { data: [cart('cart-1')], meta: { page: { limit: 100 }, results: { total: 1 } }, links: {} } }
					: { status: 200, body: { data: cart('cart-1') } },
			),
		).start();
	});
	afterEach(async () => await store.stop());

	const credentials = () => ({ region: 'custom', baseUrl: store.origin, authType: 'clientCredentials', clientId: 'id', clientSecret: 'secret' });

	it('Get', async () => {
		const { output } = await runWorkflow({ parameters: cartParameters('get', { cartId: 'cart-1' }), items: [{}], credentials: credentials() });

		expect(output[0].json).toEqual(
			expect.objectContaining({ cartId: 'cart-1', id: 'cart-1', customerIds: ['cust-1'], accountIds: [] }),
		);
	});

	it.each(['cart', 'cartCustomerPair'])('Get Many, one item per %s', async (shape) => {
		const { output } = await runWorkflow({
			parameters: cartParameters('getAll', { returnAll: true, filters: {}, options: { output: shape } }),
			items: [{}],
			credentials: credentials(),
		});

		expect(output.map((o) => o.json)).toEqual([
			expect.objectContaining({ cartId: 'cart-1', customerIds: ['cust-1'], accountIds: [] }),
		]);
		if (shape === 'cartCustomerPair') expect(output[0].json.customerId).toBe('cust-1');
	});
});
