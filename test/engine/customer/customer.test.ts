import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { locator } from '../../../testkit/engine/parameters';
import { runWorkflow } from '../../../testkit/engine/runWorkflow';
import { clientCredentials, implicitCredentials, useEmulator } from '../fixtures';

const CREATED = Date.parse('2026-01-05T10:00:00Z');
const UPDATED = Date.parse('2026-03-01T08:30:00Z');

describe('Customer (version 2)', () => {
	const emulator = useEmulator();

	const run = (parameters: INodeParameters, items: IDataObject[] = [{}], continueOnFail = false) =>
		runWorkflow({ typeVersion: 2, parameters, items, credentials: clientCredentials(emulator()), continueOnFail });

	const customerRequests = () => emulator().apiRequests().filter((r) => r.path.startsWith('/v2/customers'));

	beforeEach(() => {
		const { state } = emulator();
		state.addCustomer('ada', { name: 'Ada Lovelace', email: 'ada@example.com', createdAt: CREATED, updatedAt: UPDATED });
		state.addCustomer('grace', { name: 'Grace Hopper', email: 'grace@navy.example', createdAt: CREATED, updatedAt: UPDATED });
		state.addCustomer('alan', { name: 'Alan Turing', email: 'alan@example.com', createdAt: CREATED, updatedAt: UPDATED });
	});

	describe('Get', () => {
		const get = (customerId: INodeParameters, extra: INodeParameters = {}): INodeParameters => ({ resource: 'customer', operation: 'get', customerId, ...extra });

		it('reads a customer by ID, simplified: customerId, name, email, timestamps', async () => {
			const { output, error } = await run(get(locator('id', '={{ $json.customerId }}')), [{ customerId: 'ada' }]);

			expect(error).toBeUndefined();
			expect(output.map((o) => [o.json, o.pairedItem])).toEqual([
				[
					{ customerId: 'ada', name: 'Ada Lovelace', email: 'ada@example.com', createdAt: '2026-01-05T10:00:00.000Z', updatedAt: '2026-03-01T08:30:00.000Z' },
					{ item: 0 },
				],
			]);
			expect(customerRequests().map((r) => r.url)).toEqual(['/v2/customers/ada']);
		});

		it('By Email looks the customer up, then reads it; Simplify off gives it as Elastic Path does', async () => {
			const { output } = await run(get(locator('email', 'grace@navy.example'), { simple: false }));

			expect(output[0].json).toMatchObject({ customerId: 'grace', type: 'customer', id: 'grace', email: 'grace@navy.example', password: false, meta: expect.any(Object) });
			expect(customerRequests().map((r) => decodeURIComponent(r.url))).toEqual(['/v2/customers?filter=eq(email,grace@navy.example)&page[limit]=2', '/v2/customers/grace']);
		});

		it('a customer that does not exist fails its item with the answer; the others go on', async () => {
			const { output } = await run(get(locator('id', '={{ $json.customerId }}')), [{ customerId: 'ada' }, { customerId: 'nobody' }], true);

			expect(output.map((o) => o.json)).toEqual([
				expect.objectContaining({ customerId: 'ada' }),
				expect.objectContaining({ error: 'Elastic Path answered 404: Not Found: Customer not found', errorDescription: 'Elastic Path has no customer nobody: check the Customer ID.', httpCode: '404', customerId: 'nobody' }),
			]);
		});

		it('an Implicit credential without a customer token is refused, and the error says what reading customers needs', async () => {
			const { error } = await runWorkflow({
				typeVersion: 2,
				parameters: get(locator('id', 'ada')),
				items: [{}],
				credentials: implicitCredentials(emulator()),
			});

			expect(error?.message).toBe('Elastic Path answered 403: Customer does not have the required permissions to fulfill this request');
			expect(error?.description).toContain('Reading customers needs a Client Credentials credential');
		});
	});

	describe('Get Many', () => {
		const getAll = (filters: INodeParameters = {}, extra: INodeParameters = {}): INodeParameters => ({
			resource: 'customer',
			operation: 'getAll',
			returnAll: true,
			filters,
			options: {},
			...extra,
		});
		const sentFilters = () => customerRequests().map((r) => new URLSearchParams(r.query).get('filter'));

		it.each([
			['email, exactly', { email: ' ada@example.com ' }, 'eq(email,ada@example.com)', ['ada']],
			['email containing', { emailContains: '@example.com' }, 'like(email,*@example.com*)', ['ada', 'alan']],
			['name, exactly', { name: 'Grace Hopper' }, 'eq(name,Grace Hopper)', ['grace']],
			['name containing, whatever the case', { nameContains: 'TUR' }, 'like(name,*TUR*)', ['alan']],
			['name containing, without the characters the filter cannot carry', { nameContains: 'a(d)a*' }, 'like(name,*ada*)', ['ada']],
			['email and name together', { emailContains: 'example.com', nameContains: 'a' }, 'like(email,*example.com*):like(name,*a*)', ['ada', 'alan']],
		])('filters by %s with Elastic Path\'s own filter', async (_label, filters, filter, expected) => {
			const { output, error } = await run(getAll(filters));

			expect(error).toBeUndefined();
			expect(sentFilters()).toEqual([filter]);
			expect(output.map((o) => o.json.customerId)).toEqual(expected);
		});

		it.each([
			['an email holding a comma', { email: 'a,b@example.com' }, 'Email cannot match "a,b@example.com" exactly: it holds one of , ( ) * : (item 0, field "filters.email")'],
			['a name holding a parenthesis', { name: 'Ada (Countess)' }, 'Name cannot match "Ada (Countess)" exactly: it holds one of , ( ) * : (item 0, field "filters.name")'],
			['a search of nothing but wildcards', { emailContains: '**' }, 'Email Contains has nothing to search for once , ( ) * : are left out (item 0, field "filters.emailContains")'],
		])('refuses %s before sending anything', async (_label, filters, message) => {
			const { error } = await run(getAll(filters));

			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toBe(message);
			expect(emulator().log).toHaveLength(0);
		});

		it('reads every page, 100 customers at a time, and stops at the limit when Return All is off', async () => {
			for (let n = 1; n <= 247; n++) emulator().state.addCustomer(`many-${n}`, { name: `Many ${n}`, email: `many-${n}@example.org` });

			const all = await run(getAll({ emailContains: 'example.org' }));
			const offsetsAll = customerRequests().map((r) => new URLSearchParams(r.query).get('page[offset]'));
			emulator().log.length = 0;
			const some = await run(getAll({}, { returnAll: false, limit: 5 }));

			expect(all.output).toHaveLength(247);
			expect(offsetsAll).toEqual(['0', '100', '200']);
			expect(some.output.map((o) => o.json.customerId)).toEqual(['ada', 'grace', 'alan', 'many-1', 'many-2']);
			expect(customerRequests()).toHaveLength(1);
		});

		it('as an AI agent tool gives at most 20 customers, simplified', async () => {
			for (let n = 1; n <= 30; n++) emulator().state.addCustomer(`many-${n}`, { name: `Many ${n}`, email: `many-${n}@example.org` });

			const { output, error } = await runWorkflow({
				typeVersion: 2,
				nodeType: 'n8n-nodes-elasticpath.elasticPathTool',
				parameters: { resource: 'customer', operation: 'getAll', returnAll: true, filters: {}, options: {} },
				items: [{}],
				credentials: clientCredentials(emulator()),
			});

			expect(error).toBeUndefined();
			expect(output).toHaveLength(20);
			expect(Object.keys(output[0].json)).toEqual(['customerId', 'name', 'email', 'createdAt', 'updatedAt']);
		});
	});
});
