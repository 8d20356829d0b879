import type { INodeParameters } from 'n8n-workflow';

import { locator } from '../../../testkit/engine/parameters';
import { runWorkflow } from '../../../testkit/engine/runWorkflow';
import { clientCredentials, useEmulator } from '../fixtures';

/** Every mode of the version 2 locators, read by the operations through one helper, expressions included. */
describe('resource locators in version 2', () => {
	const emulator = useEmulator();

	const run = (parameters: INodeParameters, items: Array<Record<string, string>> = [{}], continueOnFail = false) =>
		runWorkflow({ typeVersion: 2, parameters, items, credentials: clientCredentials(emulator()), continueOnFail });

	const removal = (cartId: INodeParameters, customerId: INodeParameters): INodeParameters => ({
		resource: 'customerCartAssociation',
		operation: 'delete',
		cartId,
		customerId,
		options: {},
	});

	const customersOf = (cartId: string) => [...(emulator().state.carts.get(cartId)?.customers ?? [])];

	beforeEach(() => {
		const { state } = emulator();
		state.addCustomer('cust-ada', { name: 'Ada Lovelace', email: 'ada@example.com' });
		state.addCustomer('cust-grace', { name: 'Grace Hopper', email: 'grace@example.com' });
		state.addCart('cart-1', { customers: ['cust-ada', 'cust-grace'] });
	});

	it.each([
		['From List', locator('list', 'cart-1'), locator('list', 'cust-ada'), {}],
		['By ID, with expressions', locator('id', '={{ $json.cart }}'), locator('id', '={{ $json.customer }}'), { cart: ' cart-1 ', customer: 'cust-ada' }],
		['By Email', locator('id', 'cart-1'), locator('email', 'ada@example.com'), {}],
		['By Email, with an expression', locator('list', 'cart-1'), locator('email', '={{ $json.email }}'), { email: ' ada@example.com ' }],
		['From List, with expressions', locator('list', '={{ $json.cart }}'), locator('list', '={{ $json.customer }}'), { cart: 'cart-1', customer: 'cust-ada' }],
	])('removes the customer picked %s, and says it removed it', async (_mode, cartId, customerId, item) => {
		const { output, error } = await run(removal(cartId, customerId), [item]);

		expect(error).toBeUndefined();
		expect(output.map((o) => o.json)).toEqual([{ cartId: 'cart-1', customerId: 'cust-ada', success: true, removed: true }]);
		expect(customersOf('cart-1')).toEqual(['cust-grace']);
	});

	it('looks the email up exactly: eq(email,…) on /v2/customers', async () => {
		await run(removal(locator('id', 'cart-1'), locator('email', 'ada@example.com')));

		const lookup = emulator().apiRequests().find((r) => r.path === '/v2/customers');
		expect(new URLSearchParams(lookup?.query).get('filter')).toBe('eq(email,ada@example.com)');
	});

	it.each([
		['no customer', 'nobody@example.com', 'No customer has the email "nobody@example.com" (item 1, field "customerId")'],
		['several customers', 'twin@example.com', '2 customers have the email "twin@example.com" (cust-twin-1, cust-twin-2) (item 1, field "customerId")'],
		['three customers (two read)', 'triplet@example.com', '3 customers have the email "triplet@example.com" (cust-triplet-1, cust-triplet-2, …) (item 1, field "customerId")'],
		['a value the filter cannot match exactly', 'a,b@example.com', 'The email "a,b@example.com" cannot be looked up exactly: it holds one of , ( ) * : (item 1, field "customerId")'],
		['a value the filter cannot match exactly', 'any*@example.com', 'The email "any*@example.com" cannot be looked up exactly: it holds one of , ( ) * : (item 1, field "customerId")'],
		['no email address', 'cust-ada', '"cust-ada" is not an email address (item 1, field "customerId")'],
	])('fails an item whose email names %s, naming the item and the field; the others go on', async (_what, email, message) => {
		emulator().state.addCustomer('cust-twin-1', { email: 'twin@example.com' });
		emulator().state.addCustomer('cust-twin-2', { email: 'twin@example.com' });
		for (const n of [1, 2, 3]) emulator().state.addCustomer(`cust-triplet-${n}`, { email: 'triplet@example.com' });

		const { output } = await run(
			removal(locator('id', 'cart-1'), locator('email', '={{ $json.email }}')),
			[{ email: 'grace@example.com' }, { email }],
			true,
		);

		expect(output.map((o) => o.json)).toEqual([
			{ cartId: 'cart-1', customerId: 'cust-grace', success: true, removed: true },
			{ error: message, errorDescription: expect.any(String), cartId: 'cart-1', customerEmail: email },
		]);
		expect(customersOf('cart-1')).toEqual(['cust-ada']);
	});

	it('keeps the guarantees of IDs in every mode: trimmed, one path segment, "." refused', async () => {
		emulator().state.addCart('promo/48', { customers: ['cust-ada'] });

		const { output } = await run(
			{ resource: 'cart', operation: 'get', cartId: locator('id', '={{ $json.cart }}'), simple: true, options: {} },
			[{ cart: ' promo/48 ' }, { cart: '..' }],
			true,
		);

		expect(emulator().apiRequests().map((r) => r.url)).toEqual(['/v2/carts/promo%2F48']);
		expect(output[0].json).toMatchObject({ cartId: 'promo/48' });
		expect(output[1].json.error).toBe('Cart ID cannot be "." or ".." (item 1, field "cartId")');
	});

	it('adds the account picked from the list', async () => {
		emulator().state.addAccount('acc-swan', { name: 'Swan Ltd' });

		const { output } = await run({
			resource: 'accountCartAssociation',
			operation: 'create',
			cartId: locator('list', 'cart-1'),
			accountId: locator('list', 'acc-swan'),
			options: {},
		});

		expect(output.map((o) => o.json)).toEqual([{ cartId: 'cart-1', accountId: 'acc-swan', success: true }]);
		expect([...emulator().state.carts.get('cart-1')!.accounts]).toEqual(['acc-swan']);
	});

	it('filters Get Many by a customer given by email', async () => {
		emulator().state.addCart('cart-2', { customers: ['cust-grace'] });

		const { output } = await run({
			resource: 'cart',
			operation: 'getAll',
			returnAll: true,
			simple: true,
			filters: { customerId: locator('email', 'ada@example.com') },
			options: {},
		});

		expect(output.map((o) => o.json.cartId)).toEqual(['cart-1']);
	});
});
