import { runWorkflow } from '../../../testkit/engine/runWorkflow';
import { cartParameters, clientCredentials, useEmulator } from '../fixtures';

describe('Cart › Get', () => {
	const emulator = useEmulator();

	const get = (options = {}) => cartParameters('get', { cartId: '={{ $json.cartId }}', options });

	it('gets one cart by ID with its customers and accounts', async () => {
		emulator().state.addCart('cart-1', { customers: ['cust-1', 'cust-2'], accounts: ['acc-1'] });

		const { output, error } = await runWorkflow({ parameters: get(), items: [{ cartId: ' cart-1 ' }], credentials: clientCredentials(emulator()) });

		expect(error).toBeUndefined();
		const [request] = emulator().apiRequests();
		expect([request.method, request.url]).toEqual(['GET', '/v2/carts/cart-1']);
		expect(output).toHaveLength(1);
		expect(output[0].json).toMatchObject({
			id: 'cart-1',
			type: 'cart',
			customerIds: ['cust-1', 'cust-2'],
			accountIds: ['acc-1'],
			relationships: { customers: { data: [{ type: 'customer', id: 'cust-1' }, { type: 'customer', id: 'cust-2' }] } },
			meta: { timestamps: { updated_at: expect.any(String), expires_at: expect.any(String) } },
		});
		expect(output[0].pairedItem).toEqual({ item: 0 });
	});

	it('keeps the cart ID in its path segment', async () => {
		emulator().state.addCart('promo/2026?week=48');

		const { output } = await runWorkflow({ parameters: get(), items: [{ cartId: 'promo/2026?week=48' }], credentials: clientCredentials(emulator()) });

		expect(emulator().apiRequests()[0].url).toBe('/v2/carts/promo%2F2026%3Fweek%3D48');
		expect(output[0].json.id).toBe('promo/2026?week=48');
	});

	it('names the item and the field of an empty cart ID; with Continue On Fail the other items go on', async () => {
		emulator().state.addCart('cart-2');

		const { output } = await runWorkflow({
			parameters: get(),
			items: [{ cartId: '' }, { cartId: 'cart-2' }],
			credentials: clientCredentials(emulator()),
			continueOnFail: true,
		});

		expect(output.map((o) => o.json)).toEqual([
			{ error: 'Cart ID is empty (item 0, field "cartId")', errorDescription: expect.any(String), cartId: '' },
			expect.objectContaining({ id: 'cart-2', customerIds: [], accountIds: [] }),
		]);
		expect(emulator().apiRequests().map((r) => r.url)).toEqual(['/v2/carts/cart-2']);
	});

	it('fails clearly when the answer carries no cart', async () => {
		emulator().failNext({ kind: 'answer', answer: { status: 200, body: { data: null } } });

		const { error } = await runWorkflow({ parameters: get(), items: [{ cartId: 'cart-1' }], credentials: clientCredentials(emulator()) });

		expect(error?.message).toBe('Elastic Path answered the request for cart cart-1 without the cart');
	});
});
