import type { INodeParameters } from 'n8n-workflow';

import { locator } from '../../../testkit/engine/parameters';
import { runWorkflow } from '../../../testkit/engine/runWorkflow';
import { clientCredentials, seedCarts, useEmulator } from '../fixtures';

const SIMPLE_FIELDS = ['cartId', 'name', 'customerIds', 'accountIds', 'itemCount', 'totalWithTax', 'createdAt', 'updatedAt', 'expiresAt'];

describe('Simplify and what version 2 outputs say', () => {
	const emulator = useEmulator();

	const run = (parameters: INodeParameters, typeVersion = 2) =>
		runWorkflow({ typeVersion, parameters, items: [{}], credentials: clientCredentials(emulator()) });

	const get = (extra: INodeParameters = {}) => ({ resource: 'cart', operation: 'get', cartId: locator('id', 'cart-1'), options: {}, ...extra });

	beforeEach(() => {
		emulator().state.addCart('cart-1', {
			customers: ['cust-1'],
			accounts: ['acc-1'],
			createdAt: Date.parse('2026-11-01T08:00:00Z'),
			updatedAt: Date.parse('2026-11-20T09:00:00Z'),
		});
	});

	it('Get gives at most ten fields a cart when Simplify is on (its default in version 2)', async () => {
		const { output, error } = await run(get());

		expect(error).toBeUndefined();
		expect(output[0].json).toEqual({
			cartId: 'cart-1',
			name: 'Cart cart-1',
			customerIds: ['cust-1'],
			accountIds: ['acc-1'],
			itemCount: 0,
			totalWithTax: { amount: 0, currency: 'USD', formatted: '$0.00' },
			createdAt: '2026-11-01T08:00:00.000Z',
			updatedAt: '2026-11-20T09:00:00.000Z',
			expiresAt: '2026-11-27T09:00:00.000Z',
		});
	});

	it('Get gives the full cart with Simplify off, as version 1 does', async () => {
		const [v2, v1] = await Promise.all([run(get({ simple: false })), run({ resource: 'cart', operation: 'get', cartId: 'cart-1', options: {} }, 1)]);

		expect(v2.output[0].json).toMatchObject({ cartId: 'cart-1', id: 'cart-1', type: 'cart', relationships: expect.any(Object), meta: expect.any(Object) });
		expect(v2.output[0].json).toEqual(v1.output[0].json);
	});

	it('Get Many simplifies each cart, and each cart-and-customer pair keeps its customerId', async () => {
		const getMany = (simple: boolean, output = 'cart') => ({ resource: 'cart', operation: 'getAll', returnAll: true, simple, filters: {}, options: { output } });

		const simplified = await run(getMany(true));
		const pairs = await run(getMany(true, 'cartCustomerPair'));
		const full = await run(getMany(false));

		expect(Object.keys(simplified.output[0].json)).toEqual(SIMPLE_FIELDS);
		expect(pairs.output[0].json).toMatchObject({ cartId: 'cart-1', customerId: 'cust-1', itemCount: 0 });
		expect(Object.keys(pairs.output[0].json)).toHaveLength(SIMPLE_FIELDS.length + 1);
		expect(full.output[0].json).toHaveProperty('relationships');
	});

	it('Delete says deleted, Remove says removed, next to success and the IDs; version 1 outputs stay as they were', async () => {
		emulator().state.addCart('cart-2');
		const remove = (cartId: unknown, customerId: unknown) => ({ resource: 'customerCartAssociation', operation: 'delete', cartId, customerId, options: {} }) as INodeParameters;

		const removedV1 = await run(remove('cart-1', 'cust-1'), 1);
		emulator().state.carts.get('cart-1')!.customers.add('cust-1');
		const removedV2 = await run(remove(locator('id', 'cart-1'), locator('id', 'cust-1')));
		const deletedV2 = await run({ resource: 'cart', operation: 'delete', cartId: locator('id', 'cart-2'), options: { treatNotFoundAsSuccess: true } });
		const notFoundV2 = await run({ resource: 'cart', operation: 'delete', cartId: locator('id', 'cart-2'), options: { treatNotFoundAsSuccess: true } });
		const detachedV2 = await run({ resource: 'cart', operation: 'delete', cartId: locator('id', 'cart-1'), options: { detachFirst: true } });

		expect(removedV1.output[0].json).toEqual({ cartId: 'cart-1', customerId: 'cust-1', success: true });
		expect(removedV2.output[0].json).toEqual({ cartId: 'cart-1', customerId: 'cust-1', success: true, removed: true });
		expect(deletedV2.output[0].json).toEqual({ cartId: 'cart-2', success: true, deleted: true });
		expect(notFoundV2.output[0].json).toEqual({ cartId: 'cart-2', success: true, deleted: true, notFound: true });
		expect(detachedV2.output[0].json).toEqual({ cartId: 'cart-1', success: true, detachedCustomers: [], detachedAccounts: ['acc-1'], deleted: true });
	});

	it('as an AI agent tool, Get Many gives at most 20 items whatever it is asked', async () => {
		seedCarts(emulator(), 60, { prefix: 'many' });

		const asTool = await runWorkflow({
			typeVersion: 2,
			nodeType: 'n8n-nodes-elasticpath.elasticPathTool',
			parameters: { resource: 'cart', operation: 'getAll', returnAll: true, simple: true, filters: {}, options: {} },
			items: [{}],
			credentials: clientCredentials(emulator()),
		});
		const asNode = await run({ resource: 'cart', operation: 'getAll', returnAll: true, simple: true, filters: {}, options: {} });

		expect(asTool.error).toBeUndefined();
		expect(asTool.output).toHaveLength(20);
		expect(asNode.output).toHaveLength(61);
	});
});
