import { runWorkflow } from '../../../testkit/engine/runWorkflow';
import { associationParameters, clientCredentials, useEmulator } from '../fixtures';

describe('Customer Cart Association › Add Customer To Cart', () => {
	const emulator = useEmulator();

	it('sends exactly the documented request and creates the association', async () => {
		emulator().state.addCart('cart-1');
		emulator().state.addCustomer('cust-1');

		const { output, error } = await runWorkflow({
			parameters: associationParameters('create'),
			items: [{ cartId: 'cart-1', customerId: 'cust-1' }],
			credentials: clientCredentials(emulator()),
		});

		expect(error).toBeUndefined();
		expect(output).toEqual([{ json: { cartId: 'cart-1', customerId: 'cust-1', success: true }, pairedItem: { item: 0 } }]);
		const [request] = emulator().apiRequests();
		expect(request.method).toBe('POST');
		expect(request.url).toBe('/v2/carts/cart-1/relationships/customers');
		expect(JSON.parse(request.body)).toEqual({ data: [{ type: 'customer', id: 'cust-1' }] });
		expect(request.headers['content-type']).toBe('application/json');
		expect(request.status).toBe(200);
		expect([...emulator().state.carts.get('cart-1')!.customers]).toEqual(['cust-1']);
	});

	it('counts 204 (already associated) as success', async () => {
		emulator().state.addCart('cart-1', { customers: ['cust-1'] });

		const { output } = await runWorkflow({
			parameters: associationParameters('create'),
			items: [{ cartId: 'cart-1', customerId: 'cust-1' }],
			credentials: clientCredentials(emulator()),
		});

		expect(emulator().apiRequests()[0].status).toBe(204);
		expect(output[0].json).toEqual({ cartId: 'cart-1', customerId: 'cust-1', success: true });
	});

	it.each([
		['an empty body', { status: 200, text: '' }],
		['a null body', { status: 200, text: 'null', contentType: 'application/json' }],
	])('counts a 200 with %s as success', async (_label, answer) => {
		emulator().failNext({ kind: 'answer', answer });

		const { output, error } = await runWorkflow({
			parameters: associationParameters('create'),
			items: [{ cartId: 'cart-1', customerId: 'cust-1' }],
			credentials: clientCredentials(emulator()),
		});

		expect(error).toBeUndefined();
		expect(output[0].json).toEqual({ cartId: 'cart-1', customerId: 'cust-1', success: true });
	});

	it('reports the 422 Elastic Path gives for carts with contact emails', async () => {
		emulator().state.addCart('cart-1', { contactEmail: 'shopper@example.com' });
		emulator().state.addCustomer('cust-1');

		const { error } = await runWorkflow({
			parameters: associationParameters('create'),
			items: [{ cartId: 'cart-1', customerId: 'cust-1' }],
			credentials: clientCredentials(emulator()),
		});

		expect(error?.message).toBe(
			'Elastic Path answered 422: Cannot associate customers to carts with contact emails: Unable to associate customers to carts with contact emails attached.',
		);
	});
});
