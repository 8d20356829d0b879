import { runWorkflow } from '../../../testkit/engine/runWorkflow';
import { cartParameters, clientCredentials, implicitCredentials, useEmulator } from '../fixtures';

const LAST_CART =
	'Elastic Path answered 400: Last cart: This is the last cart associated with a customer and it cannot be deleted, try disassociating instead';

describe('Cart › Delete', () => {
	const emulator = useEmulator();

	const remove = (options = {}) => cartParameters('delete', { cartId: '={{ $json.cartId }}', options });

	it('deletes a cart that has no customer', async () => {
		emulator().state.addCart('cart-1', { accounts: ['acc-1'] });

		const { output, error } = await runWorkflow({ parameters: remove(), items: [{ cartId: 'cart-1' }], credentials: clientCredentials(emulator()) });

		expect(error).toBeUndefined();
		expect(output).toEqual([{ json: { cartId: 'cart-1', success: true }, pairedItem: { item: 0 } }]);
		expect(emulator().apiRequests().map((r) => [r.method, r.url, r.status])).toEqual([['DELETE', '/v2/carts/cart-1', 204]]);
		expect(emulator().state.carts.has('cart-1')).toBe(false);
	});

	it('explains the "Last cart" refusal of a cart that still has a customer, and keeps the cart', async () => {
		emulator().state.addCart('cart-1', { customers: ['cust-1'] });

		const { error } = await runWorkflow({ parameters: remove(), items: [{ cartId: 'cart-1' }], credentials: clientCredentials(emulator()) });

		expect(error?.message).toBe(LAST_CART);
		expect((error as unknown as { httpCode: string }).httpCode).toBe('400');
		expect(error?.description).toContain('Detach Customers and Accounts First');
		expect(emulator().state.carts.get('cart-1')!.customers.size).toBe(1);
	});

	describe('Detach Customers and Accounts First', () => {
		it('reads the cart, removes each customer and account, then deletes it, and says what it did', async () => {
			emulator().state.addCart('cart-1', { customers: ['cust-1', 'cust-2'], accounts: ['acc-1'] });

			const { output, error } = await runWorkflow({
				parameters: remove({ detachFirst: true }),
				items: [{ cartId: 'cart-1' }],
				credentials: clientCredentials(emulator()),
			});

			expect(error).toBeUndefined();
			expect(output.map((o) => o.json)).toEqual([
				{ cartId: 'cart-1', success: true, detachedCustomers: ['cust-1', 'cust-2'], detachedAccounts: ['acc-1'] },
			]);
			expect(emulator().apiRequests().map((r) => [r.method, r.url, r.body ? JSON.parse(r.body) : undefined, r.status])).toEqual([
				['GET', '/v2/carts/cart-1', undefined, 200],
				['DELETE', '/v2/carts/cart-1/relationships/customers', { data: [{ type: 'customer', id: 'cust-1' }] }, 204],
				['DELETE', '/v2/carts/cart-1/relationships/customers', { data: [{ type: 'customer', id: 'cust-2' }] }, 204],
				['DELETE', '/v2/carts/cart-1/relationships/accounts', { data: [{ type: 'account', id: 'acc-1' }] }, 204],
				['DELETE', '/v2/carts/cart-1', undefined, 204],
			]);
			expect(emulator().state.carts.has('cart-1')).toBe(false);
		});

		it('deletes a cart without associations after reading it', async () => {
			emulator().state.addCart('cart-1');

			const { output } = await runWorkflow({
				parameters: remove({ detachFirst: true }),
				items: [{ cartId: 'cart-1' }],
				credentials: clientCredentials(emulator()),
			});

			expect(output[0].json).toEqual({ cartId: 'cart-1', success: true, detachedCustomers: [], detachedAccounts: [] });
			expect(emulator().apiRequests().map((r) => r.method)).toEqual(['GET', 'DELETE']);
		});

		it('when a step fails, says which, what was done before it, and leaves the cart; the other items go on', async () => {
			emulator().state.addCart('cart-1', { customers: ['cust-1', 'cust-2'], accounts: ['acc-1'] });
			emulator().state.addCart('cart-2', { customers: ['cust-3'] });
			emulator().failNext(
				{ kind: 'answer', answer: { status: 500, body: { errors: [{ status: 500, title: 'Internal Server Error', meta: { request_id: 'req-9' } }] } } },
				1,
				(r) => r.url === '/v2/carts/cart-1/relationships/accounts',
			);

			const { output, error } = await runWorkflow({
				parameters: remove({ detachFirst: true }),
				items: [{ cartId: 'cart-1' }, { cartId: 'cart-2' }],
				credentials: clientCredentials(emulator()),
				continueOnFail: true,
			});

			expect(error).toBeUndefined();
			expect(output.map((o) => [o.json, o.pairedItem])).toEqual([
				[
					{
						error: 'Detaching account acc-1 from cart cart-1 failed: Elastic Path answered 500: Internal Server Error',
						errorDescription:
							"Before it, the node detached customers cust-1, cust-2 and no account; the cart was not deleted. Running the item again finishes the job: the associations are read afresh. Elastic Path failed to handle the request; it may succeed later. Request ID: req-9",
						httpCode: '500',
						cartId: 'cart-1',
					},
					{ item: 0 },
				],
				[{ cartId: 'cart-2', success: true, detachedCustomers: ['cust-3'], detachedAccounts: [] }, { item: 1 }],
			]);
			const cart = emulator().state.carts.get('cart-1')!;
			expect([cart.customers.size, [...cart.accounts]]).toEqual([0, ['acc-1']]);
			expect(emulator().apiRequests().filter((r) => r.method === 'DELETE' && r.url === '/v2/carts/cart-1')).toHaveLength(0);
		});

		it('reports a refused final delete with what it had detached', async () => {
			emulator().state.addCart('cart-1', { customers: ['cust-1'] });
			// A customer added again between the detaching and the delete.
			emulator().beforeHandle = (request) => {
				if (request.method === 'DELETE' && request.url === '/v2/carts/cart-1') emulator().state.carts.get('cart-1')!.customers.add('cust-new');
			};

			const { error } = await runWorkflow({
				parameters: remove({ detachFirst: true }),
				items: [{ cartId: 'cart-1' }],
				credentials: clientCredentials(emulator()),
			});

			expect(error?.message).toBe(`Deleting cart cart-1 failed: ${LAST_CART}`);
			expect(error?.description).toMatch(/^Before it, the node detached customer cust-1 and no account; the cart was not deleted\./);
		});

		it('acts as the customer of the item\'s customer token', async () => {
			emulator().state.addCart('cart-1', { customers: ['cust-1'] });
			const customerToken = emulator().state.issueCustomerToken('cust-1');

			const { output, error } = await runWorkflow({
				parameters: remove({ detachFirst: true, customerToken }),
				items: [{ cartId: 'cart-1' }],
				credentials: implicitCredentials(emulator()),
			});

			expect(error).toBeUndefined();
			expect(output[0].json).toEqual({ cartId: 'cart-1', success: true, detachedCustomers: ['cust-1'], detachedAccounts: [] });
			expect(emulator().apiRequests().map((r) => r.headers['x-moltin-customer-token'])).toEqual(Array(3).fill(customerToken));
		});
	});

	describe('a cart that does not exist (undocumented: an option decides)', () => {
		it('fails with the 404 by default', async () => {
			const { error } = await runWorkflow({ parameters: remove(), items: [{ cartId: 'gone' }], credentials: clientCredentials(emulator()) });

			expect(error?.message).toBe('Elastic Path answered 404: Not Found: Cart not found');
		});

		it('counts as deleted, flagged notFound, with "Treat Not Found as Success"', async () => {
			const { output } = await runWorkflow({
				parameters: remove({ treatNotFoundAsSuccess: true }),
				items: [{ cartId: 'gone' }],
				credentials: clientCredentials(emulator()),
			});

			expect(output[0].json).toEqual({ cartId: 'gone', success: true, notFound: true });
		});
	});

	it('with Continue On Fail, gives an error item with the cart ID and deletes the others', async () => {
		emulator().state.addCart('cart-1');
		emulator().state.addCart('cart-2', { customers: ['cust-2'] });
		emulator().state.addCart('cart-3');

		const { output } = await runWorkflow({
			parameters: remove(),
			items: [{ cartId: 'cart-1' }, { cartId: 'cart-2' }, { cartId: ' ' }, { cartId: 'cart-3' }],
			credentials: clientCredentials(emulator()),
			continueOnFail: true,
		});

		expect(output.map((o) => o.json)).toEqual([
			{ cartId: 'cart-1', success: true },
			{ error: LAST_CART, errorDescription: expect.stringContaining('Detach Customers and Accounts First'), httpCode: '400', cartId: 'cart-2' },
			{ error: 'Cart ID is empty (item 2, field "cartId")', errorDescription: expect.any(String), cartId: '' },
			{ cartId: 'cart-3', success: true },
		]);
		expect([...emulator().state.carts.keys()]).toEqual(['cart-2']);
	});
});
