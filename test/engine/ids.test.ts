import { runWorkflow } from '../../testkit/engine/runWorkflow';
import { associationParameters, clientCredentials, useEmulator } from './fixtures';

describe('IDs from the input', () => {
	const emulator = useEmulator();

	it.each([
		['an empty cart ID', { cartId: '', customerId: 'cust-1' }, 'Cart ID is empty (item 0, field "cartId")'],
		['a blank customer ID', { cartId: 'cart-1', customerId: '   ' }, 'Customer ID is empty (item 0, field "customerId")'],
		['a missing customer ID', { cartId: 'cart-1' }, 'Customer ID is empty (item 0, field "customerId")'],
		['a cart ID of ".."', { cartId: '..', customerId: 'cust-1' }, 'Cart ID cannot be "." or ".." (item 0, field "cartId")'],
		['a cart ID that is a list', { cartId: ['a', 'b'], customerId: 'cust-1' }, 'Cart ID must be text, not a list (item 0, field "cartId")'],
		['a cart ID with a lone surrogate', { cartId: 'a\ud800b', customerId: 'cust-1' }, 'Cart ID contains malformed Unicode (an unpaired surrogate) (item 0, field "cartId")'],
	])('%s is a NodeOperationError naming the item and the field, and nothing is sent', async (_label, item, message) => {
		const { error } = await runWorkflow({
			parameters: associationParameters('delete'),
			items: [item],
			credentials: clientCredentials(emulator()),
		});

		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(message);
		expect(emulator().log).toHaveLength(0);
	});

	it('names the right item and keeps the others with Continue On Fail', async () => {
		emulator().state.addCart('cart-1', { customers: ['cust-1'] });
		emulator().state.addCart('cart-3', { customers: ['cust-3'] });

		const { output } = await runWorkflow({
			parameters: associationParameters('delete'),
			items: [
				{ cartId: 'cart-1', customerId: 'cust-1' },
				{ cartId: ' ', customerId: 'cust-2' },
				{ cartId: 'cart-3', customerId: 'cust-3' },
			],
			credentials: clientCredentials(emulator()),
			continueOnFail: true,
		});

		expect(output.map((o) => [o.json, o.pairedItem])).toEqual([
			[{ cartId: 'cart-1', customerId: 'cust-1', success: true }, { item: 0 }],
			[
				{
					error: 'Cart ID is empty (item 1, field "cartId")',
					errorDescription: expect.stringContaining('Set "Cart ID"'),
					cartId: '',
					customerId: 'cust-2',
				},
				{ item: 1 },
			],
			[{ cartId: 'cart-3', customerId: 'cust-3', success: true }, { item: 2 }],
		]);
	});

	const hostile = [
		'../../oauth/access_token',
		'../customers',
		'a/b',
		'a?b=c',
		'a#fragment',
		'100%',
		'%2e%2e',
		'%2F..%2F',
		'ünïcödé-カート',
		'http://evil.example/x',
		'//evil.example',
		'\\\\evil.example\\share',
		'a b',
		'tab\there',
		'crlf\r\nX-Injected: yes',
		'@evil.example',
		';jsessionid=1',
		'...',
		'.hidden',
		'emoji-🛒',
	];

	it.each(hostile)('keeps cart ID %j in one path segment of the association path', async (cartId) => {
		emulator().state.addCart(cartId, { customers: ['cust-1'] });

		const { output, error } = await runWorkflow({
			parameters: associationParameters('delete'),
			items: [{ cartId, customerId: 'cust-1' }],
			credentials: clientCredentials(emulator()),
		});

		expect(error).toBeUndefined();
		expect(output[0].json).toEqual({ cartId: cartId.trim(), customerId: 'cust-1', success: true });
		const [request] = emulator().apiRequests();
		const segments = request.url.split('/');
		expect(segments).toHaveLength(6);
		expect(segments.slice(0, 3)).toEqual(['', 'v2', 'carts']);
		expect(segments.slice(4)).toEqual(['relationships', 'customers']);
		expect(request.query).toBe('');
		expect(decodeURIComponent(segments[3])).toBe(cartId.trim());
		expect(emulator().state.carts.get(cartId)!.customers.size).toBe(0);
	});
});

describe('IDs of the version 2 reads', () => {
	const emulator = useEmulator();
	const byId = (value: string) => ({ __rl: true, mode: 'id', value });

	const reads = [
		{
			name: 'Cart › Get Items',
			parameters: { resource: 'cart', operation: 'getItems', cartId: byId('={{ $json.id }}'), options: {} },
			seed: (id: string) => emulator().state.addCart(id, { items: [{ name: 'Tea', sku: 'tea', quantity: 1, unitPrice: 100 }] }),
			path: (segment: string) => ['', 'v2', 'carts', segment, 'items'],
			output: (id: string) => expect.objectContaining({ cartId: id, sku: 'tea' }),
		},
		{
			name: 'Customer › Get',
			parameters: { resource: 'customer', operation: 'get', customerId: byId('={{ $json.id }}') },
			seed: (id: string) => emulator().state.addCustomer(id, { name: 'Hostile', email: 'hostile@example.com' }),
			path: (segment: string) => ['', 'v2', 'customers', segment],
			output: (id: string) => expect.objectContaining({ customerId: id, email: 'hostile@example.com' }),
		},
		{
			name: 'Order › Get',
			parameters: { resource: 'order', operation: 'get', orderId: '={{ $json.id }}', options: {} },
			seed: (id: string) => emulator().state.addOrder(id),
			path: (segment: string) => ['', 'v2', 'orders', segment],
			output: (id: string) => expect.objectContaining({ orderId: id, status: 'complete' }),
		},
	];

	describe.each(reads)('$name', ({ parameters, seed, path, output }) => {
		it.each(['../../oauth/access_token', 'a/b', 'a?b=c', 'a#fragment', '100%', '%2F..%2F', 'crlf\r\nX-Injected: yes', 'ünïcödé-カート'])(
			'keeps ID %j in one path segment and reads exactly it',
			async (id) => {
				seed(id);

				const result = await runWorkflow({ typeVersion: 2, parameters, items: [{ id }], credentials: clientCredentials(emulator()) });

				expect(result.error).toBeUndefined();
				expect(result.output.map((o) => o.json)).toEqual([output(id)]);
				const [request] = emulator().apiRequests();
				const segments = request.url.split('/');
				expect(segments.map((segment, n) => (n === 3 ? 'ID' : segment))).toEqual(path('ID'));
				expect(request.query).toBe('');
				expect(decodeURIComponent(segments[3])).toBe(id);
			},
		);

		it('refuses ".." before sending anything, naming the item and the field', async () => {
			const result = await runWorkflow({ typeVersion: 2, parameters, items: [{ id: '..' }], credentials: clientCredentials(emulator()) });

			expect(result.error?.message).toMatch(/ cannot be "\." or "\.\." \(item 0, field "(cartId|customerId|orderId)"\)$/);
			expect(emulator().log).toHaveLength(0);
		});
	});
});
