import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { orderResource } from '../../../testkit/emulator/orders';
import { locator } from '../../../testkit/engine/parameters';
import { runWorkflow } from '../../../testkit/engine/runWorkflow';
import { clientCredentials, DAY, implicitCredentials, MINUTE, useEmulator } from '../fixtures';

const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
const HOUR = 60 * MINUTE;
const iso = (ms: number) => new Date(ms).toISOString();
const TEA = { productId: 'p-tea', name: 'Green tea', sku: 'tea-01', quantity: 2, unitPrice: 450 };

describe('Order (version 2)', () => {
	const emulator = useEmulator();

	const run = (parameters: INodeParameters, items: IDataObject[] = [{}], continueOnFail = false) =>
		runWorkflow({ typeVersion: 2, parameters, items, credentials: clientCredentials(emulator()), continueOnFail });

	const orderRequests = () => emulator().apiRequests().filter((r) => r.path.startsWith('/v2/orders'));
	const sentFilters = () => orderRequests().map((r) => new URLSearchParams(r.query).get('filter'));

	beforeEach(() => {
		const { state } = emulator();
		state.addCustomer('ada', { name: 'Ada Lovelace', email: 'ada@example.com' });
		state.addCustomer('grace', { name: 'Grace Hopper', email: 'grace@example.com' });
		state.addOrder('o-ada-new', { customerId: 'ada', items: [TEA], createdAt: NOW - 2 * HOUR });
		state.addOrder('o-grace', { customerId: 'grace', accountId: 'acc-1', payment: 'unpaid', status: 'incomplete', createdAt: NOW - 1 * DAY - 3 * HOUR });
		state.addOrder('o-ada-old', { customerId: 'ada', payment: 'refunded', createdAt: NOW - 10 * DAY });
		state.addOrder('o-guest', { customer: { name: 'Guest', email: 'guest@example.com' }, createdAt: NOW - 1 * DAY - 1 * HOUR });
	});

	describe('Get', () => {
		const get = (orderId: string, extra: INodeParameters = {}): INodeParameters => ({ resource: 'order', operation: 'get', orderId, options: {}, ...extra });

		it('reads an order, simplified: orderId, status, payment, total, customer, created', async () => {
			const { output, error } = await run(get('={{ $json.orderId }}'), [{ orderId: ' o-ada-new ' }]);

			expect(error).toBeUndefined();
			expect(output[0].json).toEqual({
				orderId: 'o-ada-new',
				status: 'complete',
				payment: 'paid',
				shipping: 'unfulfilled',
				totalWithTax: { amount: 900, currency: 'USD', formatted: '$9.00' },
				customerId: 'ada',
				customer: { name: 'Ada Lovelace', email: 'ada@example.com' },
				accountId: undefined,
				createdAt: iso(NOW - 2 * HOUR),
			});
			expect(orderRequests().map((r) => r.url)).toEqual(['/v2/orders/o-ada-new']);
		});

		it('with Simplify off gives the order as Elastic Path returns it, with orderId, customerId and accountId', async () => {
			const { output } = await run(get('o-grace', { simple: false }));

			expect(output[0].json).toEqual({
				orderId: 'o-grace',
				...JSON.parse(JSON.stringify(orderResource(emulator().state.orders.get('o-grace')!))),
				customerId: 'grace',
				accountId: 'acc-1',
			});
		});

		it('an order that does not exist fails its item, saying so; the others go on', async () => {
			const { output } = await run(get('={{ $json.orderId }}'), [{ orderId: 'nope' }, { orderId: 'o-guest' }], true);

			expect(output.map((o) => o.json)).toEqual([
				{
					error: 'Elastic Path answered 404: Not Found: Order not found',
					errorDescription: 'No order has this ID: check the Order ID.',
					httpCode: '404',
					orderId: 'nope',
				},
				expect.objectContaining({ orderId: 'o-guest', customerId: undefined, customer: { name: 'Guest', email: 'guest@example.com' } }),
			]);
		});

		it('a customer token reads its own customer\'s orders, not another\'s', async () => {
			const customerToken = emulator().state.issueCustomerToken('ada');

			const { output } = await run(get('={{ $json.orderId }}', { options: { customerToken } }), [{ orderId: 'o-ada-old' }, { orderId: 'o-grace' }], true);

			expect(output.map((o) => [o.json.orderId, o.json.error])).toEqual([
				['o-ada-old', undefined],
				['o-grace', 'Elastic Path answered 403: Customer does not have the required permissions to fulfill this request'],
			]);
			expect(JSON.stringify(output)).not.toContain(customerToken);
		});
	});

	describe('Get Many', () => {
		const getAll = (filters: INodeParameters = {}, extra: INodeParameters = {}): INodeParameters => ({
			resource: 'order',
			operation: 'getAll',
			returnAll: true,
			filters,
			options: {},
			...extra,
		});

		it('lists every order newest first, as Elastic Path does, without a filter', async () => {
			const { output, error } = await run(getAll());

			expect(error).toBeUndefined();
			expect(output.map((o) => o.json.orderId)).toEqual(['o-ada-new', 'o-guest', 'o-grace', 'o-ada-old']);
			expect(sentFilters()).toEqual([null]);
		});

		it.each([
			['a customer by ID', { customerId: locator('id', 'ada') }, 'eq(customer_id,ada)', ['o-ada-new', 'o-ada-old']],
			['an account', { accountId: locator('id', 'acc-1') }, 'eq(account_id,acc-1)', ['o-grace']],
			['the payment', { payment: 'refunded' }, 'eq(payment,refunded)', ['o-ada-old']],
			['the status', { status: 'incomplete' }, 'eq(status,incomplete)', ['o-grace']],
			['a customer and the payment', { customerId: locator('id', 'ada'), payment: 'paid' }, 'eq(customer_id,ada):eq(payment,paid)', ['o-ada-new']],
		])('filters by %s with Elastic Path\'s own filter', async (_label, filters, filter, expected) => {
			const { output } = await run(getAll(filters));

			expect(sentFilters()).toEqual([filter]);
			expect(output.map((o) => o.json.orderId)).toEqual(expected);
		});

		it('looks a customer given By Email up, then filters by the ID', async () => {
			const { output } = await run(getAll({ customerId: locator('email', 'grace@example.com') }));

			expect(output.map((o) => o.json.orderId)).toEqual(['o-grace']);
			expect(emulator().apiRequests().map((r) => decodeURIComponent(r.url))).toEqual([
				'/v2/customers?filter=eq(email,grace@example.com)&page[limit]=2',
				'/v2/orders?filter=eq(customer_id,grace)&page[limit]=100&page[offset]=0',
			]);
		});

		it('sends dates as the days Elastic Path filters by, and keeps only the orders within the instants asked', async () => {
			// 2026-11-19 09:00 and 11:00 UTC: Grace's order at 09:00 and the guest's at 11:00 fall on the same day.
			const { output } = await run(getAll({ createdAfter: iso(NOW - 1 * DAY - 2 * HOUR), createdBefore: iso(NOW - 3 * HOUR) }));

			expect(sentFilters()).toEqual(['ge(created_at,2026-11-19):lt(created_at,2026-11-21)']);
			expect(output.map((o) => o.json.orderId)).toEqual(['o-guest']);
		});

		it('a date at midnight is sent as that day', async () => {
			const { output } = await run(getAll({ createdBefore: '2026-11-20T00:00:00Z' }));

			expect(sentFilters()).toEqual(['lt(created_at,2026-11-20)']);
			expect(output.map((o) => o.json.orderId)).toEqual(['o-guest', 'o-grace', 'o-ada-old']);
		});

		it.each([
			['a customer ID holding a colon', { customerId: locator('id', 'ada:eq(status,complete)') }, 'Customer ID cannot match "ada:eq(status,complete)" exactly: it holds one of , ( ) * : (item 0, field "filters.customerId")'],
			['a status from an expression holding a comma', { status: 'complete,x' }, 'Status cannot match "complete,x" exactly: it holds one of , ( ) * : (item 0, field "filters.status")'],
			['an empty date range', { createdAfter: iso(NOW), createdBefore: iso(NOW - DAY) }, 'Created After is not earlier than Created Before (item 0, field "filters.createdAfter")'],
			['a date that is none', { createdAfter: 'yesterday' }, 'Created After is not a date ("yesterday"; use e.g. 2026-01-31T00:00:00Z) (item 0, field "filters.createdAfter")'],
		])('refuses %s before sending anything', async (_label, filters, message) => {
			const { error } = await run(getAll(filters));

			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toBe(message);
			expect(emulator().log).toHaveLength(0);
		});

		it('a customer token lists that customer\'s orders; an Implicit credential without one is told what reading orders needs', async () => {
			const customerToken = emulator().state.issueCustomerToken('ada');
			const implicit = (options: INodeParameters) =>
				runWorkflow({ typeVersion: 2, parameters: getAll({}, { options }), items: [{}], credentials: implicitCredentials(emulator()) });

			const own = await implicit({ customerToken });
			const none = await implicit({});

			expect(own.output.map((o) => o.json.orderId)).toEqual(['o-ada-new', 'o-ada-old']);
			expect(none.error?.message).toBe('Elastic Path answered 403: Customer does not have the required permissions to fulfill this request');
			expect(none.error?.description).toContain("a customer token (that customer's orders only)");
		});

		it('as an AI agent tool gives at most 20 orders, simplified', async () => {
			for (let n = 1; n <= 30; n++) emulator().state.addOrder(`bulk-${n}`, { createdAt: NOW - n * MINUTE });

			const { output } = await runWorkflow({
				typeVersion: 2,
				nodeType: 'n8n-nodes-elasticpath.elasticPathTool',
				parameters: getAll(),
				items: [{}],
				credentials: clientCredentials(emulator()),
			});

			expect(output).toHaveLength(20);
			expect(Object.keys(output[0].json)).toEqual(['orderId', 'status', 'payment', 'shipping', 'totalWithTax', 'customerId', 'customer', 'accountId', 'createdAt']);
		});
	});

	describe('at the 10,000 offset limit', () => {
		const ORDERS = 10_130;
		const seed = () => {
			for (let n = 1; n <= ORDERS; n++) emulator().state.addOrder(`bulk-${n}`, { createdAt: NOW - n * MINUTE });
		};
		const offsets = () => orderRequests().map((r) => Number(new URLSearchParams(r.query).get('page[offset]')));

		it('ends with a notice item saying where the listing was cut and how to reach the older orders', async () => {
			seed();

			const { output, error } = await run({ resource: 'order', operation: 'getAll', returnAll: true, filters: { status: 'complete' }, options: {} });

			expect(error).toBeUndefined();
			expect(offsets().slice(-3)).toEqual([9_900, 10_000, 10_100]);
			expect(output).toHaveLength(10_101);
			const complete = [...emulator().state.orders.values()].filter((o) => o.status === 'complete').sort((a, b) => b.createdAt - a.createdAt);
			expect(output.slice(0, 10_100).map((o) => o.json.orderId)).toEqual(complete.slice(0, 10_100).map((o) => o.id));
			expect(output[10_100].json).toEqual({
				listingCut: true,
				message: expect.stringMatching(
					/^The order listing was cut at offset 10100: Elastic Path refused the page \(HTTP 400: Bad Request: page\[offset\] must be less than or equal to 10000\)\. 10100 orders were read \(Elastic Path reports a total of 10133\); the orders after them, the oldest ones, were not read\.$/,
				),
				advice: expect.stringContaining('Created Before'),
				offset: 10_100,
				ordersRead: 10_100,
				reportedTotal: 10_133,
			});
		});

		it('fails instead with When the Listing Is Cut: Fail', async () => {
			seed();

			const { output, error } = await run({ resource: 'order', operation: 'getAll', returnAll: true, filters: {}, options: { whenCut: 'fail' } });

			expect(output).toEqual([]);
			expect(error?.message).toMatch(/^The order listing was cut at offset 10100/);
			expect(error?.description).toContain('Created Before');
		});
	});
});
