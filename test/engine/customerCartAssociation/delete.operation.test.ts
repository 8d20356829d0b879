import { runWorkflow } from '../../../testkit/engine/runWorkflow';
import { associationParameters, clientCredentials, seedPairs, useEmulator } from '../fixtures';

describe('Customer Cart Association › Remove Customer From Cart', () => {
	const emulator = useEmulator();

	it('sends exactly the documented request and removes the association', async () => {
		const items = seedPairs(emulator(), 1);

		const { output, error } = await runWorkflow({
			parameters: associationParameters('delete'),
			items,
			credentials: clientCredentials(emulator()),
		});

		expect(error).toBeUndefined();
		expect(output).toEqual([{ json: { cartId: 'cart-1', customerId: 'cust-1', success: true }, pairedItem: { item: 0 } }]);
		const [request] = emulator().apiRequests();
		expect(request.method).toBe('DELETE');
		expect(request.url).toBe('/v2/carts/cart-1/relationships/customers');
		expect(JSON.parse(request.body)).toEqual({ data: [{ type: 'customer', id: 'cust-1' }] });
		expect(request.headers['content-type']).toBe('application/json');
		expect(request.headers.authorization).toMatch(/^Bearer ep_cc_/);
		expect(request.headers['x-moltin-customer-token']).toBeUndefined();
		expect(request.status).toBe(204);
		expect(emulator().state.carts.get('cart-1')!.customers.size).toBe(0);
	});

	it('gives one output per input item, in order, each paired with its input', async () => {
		const items = seedPairs(emulator(), 5);

		const { output } = await runWorkflow({
			parameters: associationParameters('delete'),
			items,
			credentials: clientCredentials(emulator()),
		});

		expect(output.map((o) => [o.json.cartId, o.pairedItem])).toEqual(
			items.map((item, index) => [item.cartId, { item: index }]),
		);
		expect(emulator().apiRequests()).toHaveLength(5);
		expect([...emulator().state.carts.values()].every((cart) => cart.customers.size === 0)).toBe(true);
	});

	it('trims padded IDs in the path and in the body', async () => {
		seedPairs(emulator(), 1);

		const { output } = await runWorkflow({
			parameters: associationParameters('delete'),
			items: [{ cartId: '  cart-1\t', customerId: '\n cust-1  ' }],
			credentials: clientCredentials(emulator()),
		});

		expect(output[0].json).toEqual({ cartId: 'cart-1', customerId: 'cust-1', success: true });
		const [request] = emulator().apiRequests();
		expect(request.url).toBe('/v2/carts/cart-1/relationships/customers');
		expect(JSON.parse(request.body).data[0].id).toBe('cust-1');
	});

	describe('when the association, cart or customer does not exist (undocumented: an option decides)', () => {
		it('fails with the 404 by default', async () => {
			const { error } = await runWorkflow({
				parameters: associationParameters('delete'),
				items: [{ cartId: 'no-such-cart', customerId: 'cust-1' }],
				credentials: clientCredentials(emulator()),
			});

			expect(error?.message).toBe('Elastic Path answered 404: Not Found: Cart not found');
		});

		it('counts it as removed, flagged notFound, with "Treat Not Found as Success"', async () => {
			const { output, error } = await runWorkflow({
				parameters: associationParameters('delete', { treatNotFoundAsSuccess: true }),
				items: [{ cartId: 'no-such-cart', customerId: 'cust-1' }],
				credentials: clientCredentials(emulator()),
			});

			expect(error).toBeUndefined();
			expect(output[0].json).toEqual({ cartId: 'no-such-cart', customerId: 'cust-1', success: true, notFound: true });
		});
	});
});
