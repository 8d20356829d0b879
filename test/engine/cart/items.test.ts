import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { cartItemResource } from '../../../testkit/emulator/carts';
import { locator } from '../../../testkit/engine/parameters';
import { runWorkflow } from '../../../testkit/engine/runWorkflow';
import { clientCredentials, DAY, implicitCredentials, MINUTE, useEmulator } from '../fixtures';

const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
const TEA = { name: 'Green tea', sku: 'tea-01', quantity: 2, unitPrice: 450 };
const POT = { name: 'Teapot', sku: 'pot-01', quantity: 1, unitPrice: 3200 };
const CUP = { name: 'Cup', sku: 'cup-01', quantity: 4, unitPrice: 800 };

/** A simplified item as the node outputs it: display prices with tax, from the emulator's item. */
const simple = (cartId: string, n: number, item: typeof TEA) => ({
	cartItemId: `${cartId}-item-${n}`,
	name: item.name,
	sku: item.sku,
	quantity: item.quantity,
	unitPrice: { amount: item.unitPrice, currency: 'USD', formatted: `$${(item.unitPrice / 100).toFixed(2)}` },
	value: { amount: item.unitPrice * item.quantity, currency: 'USD', formatted: `$${((item.unitPrice * item.quantity) / 100).toFixed(2)}` },
});

describe('cart items (version 2)', () => {
	const emulator = useEmulator();

	const run = (parameters: INodeParameters, extra: { continueOnFail?: boolean; items?: IDataObject[] } = {}) =>
		runWorkflow({ typeVersion: 2, parameters, items: extra.items ?? [{}], credentials: clientCredentials(emulator()), continueOnFail: extra.continueOnFail });

	const itemRequests = () => emulator().apiRequests().filter((r) => /^\/v2\/carts\/[^/]+\/items$/.test(r.path));

	describe('Cart › Get Items', () => {
		const getItems = (cartId: INodeParameters, extra: INodeParameters = {}): INodeParameters => ({
			resource: 'cart',
			operation: 'getItems',
			cartId,
			options: {},
			...extra,
		});

		it('outputs one item per cart item with its cartId, simplified: name, SKU, quantity, unit price and value with tax', async () => {
			emulator().state.addCart('cart-1', { customers: ['cust-1'], items: [TEA, POT] });

			const { output, error } = await run(getItems(locator('id', '={{ $json.cartId }}')), { items: [{ cartId: 'cart-1' }] });

			expect(error).toBeUndefined();
			expect(output.map((o) => [o.json, o.pairedItem])).toEqual([
				[{ cartId: 'cart-1', ...simple('cart-1', 1, TEA) }, { item: 0 }],
				[{ cartId: 'cart-1', ...simple('cart-1', 2, POT) }, { item: 0 }],
			]);
			expect(emulator().apiRequests().map((r) => `${r.method} ${r.url}`)).toEqual(['GET /v2/carts/cart-1/items']);
		});

		it('with Simplify off gives each item as Elastic Path returns it, cartId first', async () => {
			const cart = emulator().state.addCart('cart-1', { items: [TEA] });

			const { output } = await run(getItems(locator('id', 'cart-1'), { simple: false }));

			expect(output.map((o) => o.json)).toEqual([{ cartId: 'cart-1', ...JSON.parse(JSON.stringify(cartItemResource(cart.items[0], cart, emulator().baseUrl))) }]);
			expect(Object.keys(output[0].json)[0]).toBe('cartId');
		});

		it('an empty cart gives no item; a failing cart fails only its own item under Continue On Fail', async () => {
			emulator().state.addCart('empty');
			emulator().state.addCart('full', { items: [CUP] });
			emulator().state.addCart('theirs', { customers: ['someone'], items: [POT] });
			const customerToken = emulator().state.issueCustomerToken('me');

			const { output } = await run(getItems(locator('id', '={{ $json.cartId }}'), { options: { customerToken } }), {
				items: [{ cartId: 'empty' }, { cartId: 'theirs' }, { cartId: 'full' }],
				continueOnFail: true,
			});

			expect(output.map((o) => [o.json, o.pairedItem])).toEqual([
				[
					expect.objectContaining({
						error: 'Elastic Path answered 403: Customer does not have the required permissions to fulfill this request',
						httpCode: '403',
						cartId: 'theirs',
					}),
					{ item: 1 },
				],
				[{ cartId: 'full', ...simple('full', 1, CUP) }, { item: 2 }],
			]);
			expect(JSON.stringify(output)).not.toContain(customerToken);
		});
	});

	describe('Include Items on Cart › Get', () => {
		const get = (includeItems: string, extra: INodeParameters = {}): INodeParameters => ({
			resource: 'cart',
			operation: 'get',
			cartId: locator('id', 'cart-1'),
			options: { includeItems },
			...extra,
		});

		beforeEach(() => {
			emulator().state.addCart('cart-1', { customers: ['cust-1'], items: [TEA, POT], updatedAt: NOW });
		});

		it('In Each Cart: the simplified cart with its items, read with the cart in one request (include=items)', async () => {
			const { output, error } = await run(get('inCart'));

			expect(error).toBeUndefined();
			expect(output).toHaveLength(1);
			expect(output[0].json).toMatchObject({ cartId: 'cart-1', itemCount: 2, totalWithTax: { amount: 4100, formatted: '$41.00' } });
			expect(output[0].json.items).toEqual([simple('cart-1', 1, TEA), simple('cart-1', 2, POT)]);
			expect(emulator().apiRequests().map((r) => r.url)).toEqual(['/v2/carts/cart-1?include=items']);
		});

		it('One Item per Cart Item: { cartId, …item } for each item', async () => {
			const { output } = await run(get('perItem'));

			expect(output.map((o) => o.json)).toEqual([
				{ cartId: 'cart-1', ...simple('cart-1', 1, TEA) },
				{ cartId: 'cart-1', ...simple('cart-1', 2, POT) },
			]);
		});

		it('reads the items on their own when the store leaves them out of the answer though the cart lists some', async () => {
			emulator().beforeHandle = (request) => {
				if (request.path === '/v2/carts/cart-1') request.query = '';
			};

			const { output } = await run(get('inCart'));

			expect(output[0].json.items).toEqual([simple('cart-1', 1, TEA), simple('cart-1', 2, POT)]);
			expect(emulator().apiRequests().map((r) => r.path)).toEqual(['/v2/carts/cart-1', '/v2/carts/cart-1/items']);
		});

		it('No (the default) sends no include and gives the cart as before', async () => {
			const { output } = await run(get('no'));

			expect(output[0].json).not.toHaveProperty('items');
			expect(emulator().apiRequests().map((r) => r.url)).toEqual(['/v2/carts/cart-1']);
		});
	});

	describe('Include Items and the item and value filters on Cart › Get Many', () => {
		const getAll = (filters: INodeParameters, options: INodeParameters, extra: INodeParameters = {}): INodeParameters => ({
			resource: 'cart',
			operation: 'getAll',
			returnAll: true,
			filters,
			options,
			...extra,
		});

		beforeEach(() => {
			const { state } = emulator();
			state.addCart('big', { customers: ['ada', 'grace'], items: [POT, CUP], updatedAt: NOW - 1 * MINUTE });
			state.addCart('small', { customers: ['linus'], items: [TEA], updatedAt: NOW - 2 * MINUTE });
			state.addCart('empty', { customers: ['alan'], updatedAt: NOW - 3 * MINUTE });
			state.addCart('anonymous', { items: [POT], updatedAt: NOW - 4 * MINUTE });
		});

		it.each([
			['only carts with items', { withItems: true }, ['big', 'small', 'anonymous']],
			['worth at least $32.00', { minTotal: 3200 }, ['big', 'anonymous']],
			['worth at least $32.01', { minTotal: 3201 }, ['big']],
			['with customers and items', { withCustomers: true, withItems: true }, ['big', 'small']],
		])('%s', async (_label, filters, expected) => {
			const { output, error } = await run(getAll(filters, {}));

			expect(error).toBeUndefined();
			expect(output.map((o) => o.json.cartId)).toEqual(expected);
			expect(itemRequests()).toEqual([]);
		});

		it('In Each Cart with one item per cart and customer: each pair carries the cart\'s items, read once per matching cart', async () => {
			const { output } = await run(getAll({ withItems: true, withCustomers: true }, { includeItems: 'inCart', output: 'cartCustomerPair' }));

			expect(output.map((o) => [o.json.cartId, o.json.customerId, (o.json.items as Array<{ sku: string }>).map((i) => i.sku)])).toEqual([
				['big', 'ada', ['pot-01', 'cup-01']],
				['big', 'grace', ['pot-01', 'cup-01']],
				['small', 'linus', ['tea-01']],
			]);
			expect(itemRequests().map((r) => r.path).sort()).toEqual(['/v2/carts/big/items', '/v2/carts/small/items']);
		});

		it('One Item per Cart Item counts items against the limit and reads no cart past it', async () => {
			const { output } = await run(getAll({}, { includeItems: 'perItem' }, { returnAll: false, limit: 3, requestSettings: { maxConcurrency: 1 } }));

			expect(output.map((o) => [o.json.cartId, o.json.sku])).toEqual([
				['big', 'pot-01'],
				['big', 'cup-01'],
				['small', 'tea-01'],
			]);
			expect(itemRequests().map((r) => r.path)).toEqual(['/v2/carts/big/items', '/v2/carts/small/items']);
		});

		it('refuses a negative value before sending anything', async () => {
			const { error } = await run(getAll({ minTotal: -1 }, {}));

			expect(error?.message).toBe("Worth at Least must be an amount of 0 or more, in the currency's minor unit (got -1) (item 0, field \"filters.minTotal\")");
			expect(emulator().log).toHaveLength(0);
		});

		it('lists a customer\'s carts with their items with that customer\'s token', async () => {
			const token = emulator().state.issueCustomerToken('linus');

			const { output } = await runWorkflow({
				typeVersion: 2,
				parameters: getAll({}, { includeItems: 'inCart' }),
				items: [{}],
				credentials: implicitCredentials(emulator(), { customerToken: token }),
			});

			expect(output.map((o) => [o.json.cartId, (o.json.items as unknown[]).length])).toEqual([['small', 1]]);
			expect(emulator().apiRequests().every((r) => r.headers['x-moltin-customer-token'] === token)).toBe(true);
		});
	});

	it('reads the items of the carts of every page, in the listing\'s order', async () => {
		for (let n = 1; n <= 130; n++) emulator().state.addCart(`c-${n}`, { items: [{ ...TEA, quantity: n }], updatedAt: NOW - n * DAY });

		const { output } = await run({ resource: 'cart', operation: 'getAll', returnAll: true, filters: {}, options: { includeItems: 'perItem' } });

		expect(output.map((o) => o.json.quantity)).toEqual(Array.from({ length: 130 }, (_, i) => i + 1));
		expect(itemRequests()).toHaveLength(130);
	});
});
