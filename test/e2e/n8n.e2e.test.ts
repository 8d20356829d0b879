import { EpccEmulator, isApiRequest } from '../../testkit/emulator/EpccEmulator';
import type { N8nInstance } from '../../testkit/n8n/n8nProcess';
import { n8nWithPackage, nodeOutput, runStatus } from '../../testkit/n8n/n8nProcess';
import { N8N_VERSION } from './version';
import { associationWorkflow, BAD_SECRET_CREDENTIAL_ID, CREDENTIAL_ID, emulatorCredential } from './workflows';

describe(`the packed package in a real n8n ${N8N_VERSION}`, () => {
	const emulator = new EpccEmulator();
	let n8n: N8nInstance;

	beforeAll(async () => {
		[n8n] = await Promise.all([n8nWithPackage(N8N_VERSION), emulator.start()]);
		await n8n.importJson('credentials', [
			emulatorCredential(CREDENTIAL_ID, emulator.baseUrl),
			emulatorCredential(BAD_SECRET_CREDENTIAL_ID, emulator.baseUrl, 'e2e-wrong-secret'),
		]);
	});

	afterAll(async () => {
		await emulator.stop();
		n8n?.remove();
	});

	beforeEach(() => {
		emulator.log.length = 0;
	});

	it('removes customers from carts, IDs kept in their path segment', async () => {
		emulator.state.addCart('e2e-cart-1', { customers: ['e2e-cust-1'] });
		emulator.state.addCart('promo/2026?week=48', { customers: ['e2e-cust-2'] });
		await n8n.importJson('workflow', associationWorkflow({
			id: 'epccE2eRemove001',
			name: 'E2E remove customers',
			operation: 'delete',
			pairs: [
				{ cartId: 'e2e-cart-1', customerId: 'e2e-cust-1' },
				{ cartId: ' promo/2026?week=48 ', customerId: 'e2e-cust-2' },
			],
		}));

		const execution = await n8n.execute('epccE2eRemove001');

		expect(runStatus(execution)).toBe('success');
		expect(nodeOutput(execution, 'Elastic Path')).toEqual([
			{ cartId: 'e2e-cart-1', customerId: 'e2e-cust-1', success: true },
			{ cartId: 'promo/2026?week=48', customerId: 'e2e-cust-2', success: true },
		]);
		expect(emulator.apiRequests().map((r) => [r.method, r.url, JSON.parse(r.body)])).toEqual([
			['DELETE', '/v2/carts/e2e-cart-1/relationships/customers', { data: [{ type: 'customer', id: 'e2e-cust-1' }] }],
			['DELETE', '/v2/carts/promo%2F2026%3Fweek%3D48/relationships/customers', { data: [{ type: 'customer', id: 'e2e-cust-2' }] }],
		]);
		expect(emulator.tokenRequests()).toHaveLength(1);
		expect(emulator.state.carts.get('e2e-cart-1')!.customers.size).toBe(0);
		expect(emulator.state.carts.get('promo/2026?week=48')!.customers.size).toBe(0);
	});

	it('renews the stored token when it expires mid-run, and keeps the new one for the next run', async () => {
		const pairs = [1, 2, 3, 4].map((n) => ({ cartId: `e2e-renew-${n}`, customerId: `e2e-renew-cust-${n}` }));
		for (const pair of pairs) emulator.state.addCart(pair.cartId, { customers: [pair.customerId] });
		await n8n.importJson('workflow', associationWorkflow({ id: 'epccE2eRenew0001', name: 'E2E renew', operation: 'delete', pairs }));
		let removals = 0;
		emulator.beforeHandle = (request) => {
			if (isApiRequest(request) && ++removals === 3) emulator.state.expireAccessTokens();
		};

		const first = await n8n.execute('epccE2eRenew0001');
		emulator.beforeHandle = undefined;

		expect(runStatus(first)).toBe('success');
		expect(nodeOutput(first, 'Elastic Path').map((o) => o.success)).toEqual([true, true, true, true]);
		const tokensAfterFirstRun = emulator.tokenRequests().length;
		// The request that met the expiry is refused twice (the second time in the mode that makes
		// n8n renew the token); with items sent concurrently, others in flight then are refused once each.
		expect(emulator.apiRequests().filter((r) => r.status === 401).length).toBeGreaterThanOrEqual(2);

		for (const pair of pairs) emulator.state.carts.get(pair.cartId)!.customers.add(pair.customerId);
		const second = await n8n.execute('epccE2eRenew0001');

		expect(runStatus(second)).toBe('success');
		expect(emulator.tokenRequests()).toHaveLength(tokensAfterFirstRun);
	});

	it('adds customers to carts', async () => {
		emulator.state.addCart('e2e-cart-3');
		emulator.state.addCustomer('e2e-cust-3');
		await n8n.importJson('workflow', associationWorkflow({
			id: 'epccE2eAdd00001',
			name: 'E2E add customers',
			operation: 'create',
			pairs: [{ cartId: 'e2e-cart-3', customerId: 'e2e-cust-3' }],
		}));

		const execution = await n8n.execute('epccE2eAdd00001');

		expect(runStatus(execution)).toBe('success');
		expect(nodeOutput(execution, 'Elastic Path')).toEqual([{ cartId: 'e2e-cart-3', customerId: 'e2e-cust-3', success: true }]);
		expect(emulator.apiRequests().map((r) => [r.method, r.url])).toEqual([['POST', '/v2/carts/e2e-cart-3/relationships/customers']]);
		expect([...emulator.state.carts.get('e2e-cart-3')!.customers]).toEqual(['e2e-cust-3']);
	});

	it('is installed alone: npm brings no n8n-workflow of its own, so the node runs on the host n8n\'s', () => {
		expect(n8n.installedPackages()).toEqual(['n8n-nodes-elasticpath']);
	});

	describe('On Error, three items of which the middle one fails (an empty cart ID)', () => {
		const pairs = [
			{ cartId: 'e2e-onerror-1', customerId: 'e2e-onerror-cust-1' },
			{ cartId: '', customerId: 'e2e-onerror-cust-2' },
			{ cartId: 'e2e-onerror-3', customerId: 'e2e-onerror-cust-3' },
		];
		const removed = [pairs[0], pairs[2]].map((pair) => ({ ...pair, success: true }));
		const message = 'Cart ID is empty (item 1, field "cartId")';
		const settings = [
			['continueRegularOutput', 'epccE2eOnError01'],
			['continueErrorOutput', 'epccE2eOnError02'],
			['stopWorkflow', 'epccE2eOnError03'],
		] as const;

		beforeEach(() => {
			for (const pair of [pairs[0], pairs[2]]) emulator.state.addCart(pair.cartId, { customers: [pair.customerId] });
		});

		it.each(settings)('%s', async (onError, id) => {
			await n8n.importJson('workflow', associationWorkflow({ id, name: `E2E on error ${onError}`, operation: 'delete', onError, pairs }));

			const execution = await n8n.execute(id);

			if (onError === 'stopWorkflow') {
				expect(execution.run?.status).not.toBe('success');
				expect(execution.result.stdout + execution.result.stderr).toContain(message);
				return;
			}
			expect(runStatus(execution)).toBe('success');
			const main = nodeOutput(execution, 'Elastic Path', 0);
			const errors = nodeOutput(execution, 'Elastic Path', 1);
			if (onError === 'continueRegularOutput') {
				expect(main).toEqual([
					removed[0],
					{ error: message, errorDescription: expect.stringContaining('Set "Cart ID"'), cartId: '', customerId: 'e2e-onerror-cust-2' },
					removed[1],
				]);
				expect(errors).toEqual([]);
			} else {
				// n8n 1.60 hands both outputs over in reverse order: compare them as sets.
				expect(main).toHaveLength(2);
				expect(main).toEqual(expect.arrayContaining(removed));
				expect(errors).toEqual([
					{ ...pairs[1], message, error: { message, description: expect.stringContaining('Set "Cart ID"'), cartId: '', customerId: 'e2e-onerror-cust-2' } },
				]);
			}
			expect(emulator.apiRequests().map((r) => r.url).sort()).toEqual(
				['/v2/carts/e2e-onerror-1/relationships/customers', '/v2/carts/e2e-onerror-3/relationships/customers'],
			);
		});
	});

	it('fails clearly on a refused client secret, and never prints it', async () => {
		await n8n.importJson('workflow', associationWorkflow({
			id: 'epccE2eBadSecret',
			name: 'E2E wrong secret',
			operation: 'delete',
			credentialId: BAD_SECRET_CREDENTIAL_ID,
			pairs: [{ cartId: 'e2e-cart-1', customerId: 'e2e-cust-1' }],
		}));

		const execution = await n8n.execute('epccE2eBadSecret');

		const printed = execution.result.stdout + execution.result.stderr;
		expect(printed).toContain('Elastic Path refused to issue an access token (HTTP 401');
		expect(printed).not.toContain('e2e-wrong-secret');
		expect(emulator.apiRequests()).toHaveLength(0);
	});
});
