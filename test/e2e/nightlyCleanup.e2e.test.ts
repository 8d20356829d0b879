/* eslint-disable @n8n/community-nodes/no-restricted-globals -- the end-to-end test reports its run time on the test runner's stdout */
import { DEFAULT_CLIENT, EpccEmulator, isApiRequest } from '../../testkit/emulator/EpccEmulator';
import { documented, errorAnswer } from '../../testkit/emulator/jsonapi';
import type { N8nInstance } from '../../testkit/n8n/n8nProcess';
import { n8nWithPackage, nodeOutput, runStatus } from '../../testkit/n8n/n8nProcess';
import { elasticPathCredential, forImport, loadTemplate, templateWorkflowId } from '../../testkit/n8n/templates';
import { N8N_VERSION } from './version';

const template = loadTemplate('nightly-stale-cart-cleanup.json');

const DAY = 24 * 3600 * 1000;
const MINUTE = 60_000;
const STALE = 1000;
/** Stale carts that have a second customer: removed twice, deleted once. */
const SHARED = 10;
const FRESH = 100;
const STALE_ANONYMOUS = 20;

describe(`the nightly stale cart cleanup template in a real n8n ${N8N_VERSION}`, () => {
	const emulator = new EpccEmulator();
	let n8n: N8nInstance;

	beforeAll(async () => {
		[n8n] = await Promise.all([n8nWithPackage(N8N_VERSION), emulator.start()]);
		await n8n.importJson('credentials', [elasticPathCredential({ baseUrl: emulator.baseUrl, ...DEFAULT_CLIENT })]);
	});

	afterAll(async () => {
		await emulator.stop();
	});

	it(`deletes ${STALE} stale carts with customers in one run, and nothing else`, async () => {
		const now = Date.now();
		const state = emulator.state;
		const stale: string[] = [];
		for (let n = 1; n <= STALE; n++) {
			const customers = n <= SHARED ? [`stale-cust-${n}`, `shared-cust-${n}`] : [`stale-cust-${n}`];
			state.addCart(`stale-${n}`, { customers, updatedAt: now - (6 + (n % 60)) * DAY - n * MINUTE });
			stale.push(`stale-${n}`);
		}
		const fresh = new Map<string, { customers: string[]; updatedAt: number }>();
		for (let n = 1; n <= FRESH; n++) {
			// Up to 4 days old: inside the template's 5 days.
			const cart = state.addCart(`fresh-${n}`, { customers: [`fresh-cust-${n}`], updatedAt: now - (n % 5) * DAY + MINUTE });
			fresh.set(cart.id, { customers: [...cart.customers], updatedAt: cart.updatedAt });
		}
		for (let n = 1; n <= STALE_ANONYMOUS; n++) state.addCart(`stale-anonymous-${n}`, { updatedAt: now - 90 * DAY });
		// The file as users import it: it has a Manual Trigger beside the Schedule Trigger.
		await n8n.importJson('workflow', forImport(template));

		const started = Date.now();
		const execution = await n8n.execute(templateWorkflowId(template.file), 600);
		const seconds = (Date.now() - started) / 1000;
		// Without a run to read, what n8n printed is what says why.
		expect({ status: execution.run?.status, printed: execution.run ? '' : `${execution.result.stdout.slice(-2000)}\n${execution.result.stderr.slice(-2000)}` }).toEqual({ status: 'success', printed: '' });
		const runData = execution.run!.data.resultData.runData;
		const nodeSeconds = Object.values(runData).flat().reduce((sum, run) => sum + (run.executionTime ?? 0), 0) / 1000;
		process.stdout.write(
			`\nNightly cleanup template, n8n ${N8N_VERSION}: ${STALE} stale carts (${STALE + SHARED} associations) cleared with ` +
				`${emulator.apiRequests().length} API requests; nodes ran ${nodeSeconds.toFixed(1)} s, \`n8n execute\` took ${seconds.toFixed(1)} s with its start-up\n`,
		);

		expect(Object.values(runData).flat().filter((run) => run.error)).toEqual([]);

		// Listed: one item per stale cart and customer; nothing fresh, nothing without a customer.
		const pairs = nodeOutput(execution, 'Stale Carts With Customers');
		expect(pairs).toHaveLength(STALE + SHARED);
		expect(new Set(pairs.map((pair) => pair.cartId))).toEqual(new Set(stale));
		// Every association removed, no item failed (the error outputs are empty) or was lost.
		expect(nodeOutput(execution, 'Remove Customer From Cart', 1)).toEqual([]);
		expect(nodeOutput(execution, 'Removal Failed')).toEqual([]);
		const removed = nodeOutput(execution, 'Remove Customer From Cart');
		expect(removed).toHaveLength(STALE + SHARED);
		expect(removed.every((item) => item.success === true && item.removed === true && item.notFound === undefined)).toBe(true);
		expect(nodeOutput(execution, 'Delete Cart', 1)).toEqual([]);
		expect(nodeOutput(execution, 'Deletion Failed')).toEqual([]);
		const deleted = nodeOutput(execution, 'Delete Cart');
		expect(deleted.map((item) => item.cartId).sort()).toEqual([...stale].sort());
		expect(deleted.every((item) => item.success === true && item.deleted === true && item.notFound === undefined)).toBe(true);

		// What the store holds now, and what it was asked.
		expect(stale.filter((id) => state.carts.has(id))).toEqual([]);
		for (const [id, before] of fresh) {
			const cart = state.carts.get(id)!;
			expect({ customers: [...cart.customers], updatedAt: cart.updatedAt }).toEqual(before);
		}
		expect([...state.carts.keys()].filter((id) => id.startsWith('stale-anonymous-'))).toHaveLength(STALE_ANONYMOUS);
		const requests = emulator.apiRequests();
		expect(requests.filter((r) => /fresh-|stale-anonymous-/.test(r.url))).toEqual([]);
		expect(requests.filter((r) => r.path === '/v2/carts').map((r) => new URLSearchParams(r.query).get('page[offset]'))).toEqual(
			Array.from({ length: 12 }, (_, page) => String(page * 100)),
		);
		const count = (method: string, pattern: RegExp) => requests.filter((r) => r.method === method && pattern.test(r.path)).length;
		expect(count('DELETE', /^\/v2\/carts\/stale-\d+\/relationships\/customers$/)).toBe(STALE + SHARED);
		expect(count('DELETE', /^\/v2\/carts\/stale-\d+$/)).toBe(STALE);
		expect(requests.every((r) => r.status !== undefined && r.status < 300)).toBe(true);
		expect(emulator.tokenRequests()).toHaveLength(1);
	});
	it('sends each failed cart out of the error output of the node that failed, and never deletes a cart it could not detach', async () => {
		const now = Date.now();
		const state = emulator.state;
		state.carts.clear();
		emulator.log.length = 0;
		const cleared = Array.from({ length: 20 }, (_, n) => `stale-ok-${n + 1}`);
		for (const [n, id] of cleared.entries()) state.addCart(id, { customers: [`ok-cust-${n + 1}`], updatedAt: now - 6 * DAY - n * MINUTE });
		// A removal refused: the cart keeps its customer and must not be deleted.
		state.addCart('stale-refused', { customers: ['refused-cust'], updatedAt: now - 8 * DAY });
		// Two customers, one of them refused: the other is removed, and the cart must still not be deleted.
		state.addCart('stale-half', { customers: ['half-ok-cust', 'half-refused-cust'], updatedAt: now - 9 * DAY });
		// Detached, then its deletion fails.
		state.addCart('stale-undeletable', { customers: ['undeletable-cust'], updatedAt: now - 10 * DAY });
		const removing = (customerId: string) => (request: { method: string; path: string; body: string }) =>
			request.method === 'DELETE' && request.path.endsWith('/relationships/customers') && request.body.includes(`"${customerId}"`);
		for (const customerId of ['refused-cust', 'half-refused-cust']) {
			emulator.failNext({ kind: 'answer', answer: documented.noPermission('Customer') }, 1, (request) => isApiRequest(request) && removing(customerId)(request));
		}
		emulator.failNext({ kind: 'answer', answer: errorAnswer(500, 'Internal Server Error', undefined, { meta: { request_id: 'req-e2e-500' } }) }, 1,
			(request) => request.method === 'DELETE' && request.path === '/v2/carts/stale-undeletable');
		await n8n.importJson('workflow', forImport(template));

		const execution = await n8n.execute(templateWorkflowId(template.file), 600);

		expect(runStatus(execution)).toBe('success');
		const refusal = 'Elastic Path answered 403: Customer does not have the required permissions to fulfill this request';
		const refused = (cartId: string, customerId: string) =>
			expect.objectContaining({ cartId, customerId, message: refusal, error: expect.objectContaining({ message: refusal, httpCode: '403', cartId, customerId }) });
		const removalFailures = nodeOutput(execution, 'Remove Customer From Cart', 1);
		expect(removalFailures).toHaveLength(2);
		expect(removalFailures).toEqual(expect.arrayContaining([refused('stale-refused', 'refused-cust'), refused('stale-half', 'half-refused-cust')]));
		expect(nodeOutput(execution, 'Removal Failed')).toEqual(expect.arrayContaining(removalFailures));
		expect(nodeOutput(execution, 'Removal Failed')).toHaveLength(2);

		// What Delete Cart received: every detached cart once, and neither cart with a refused removal.
		const toDelete = nodeOutput(execution, 'One Item per Cart').map((item) => item.cartId);
		expect([...toDelete].sort()).toEqual([...cleared, 'stale-undeletable'].sort());
		const deleted = nodeOutput(execution, 'Delete Cart');
		expect(deleted.map((item) => item.cartId).sort()).toEqual([...cleared].sort());
		const deletionFailures = nodeOutput(execution, 'Delete Cart', 1);
		expect(deletionFailures).toEqual([
			expect.objectContaining({
				cartId: 'stale-undeletable',
				message: 'Elastic Path answered 500: Internal Server Error',
				error: expect.objectContaining({ httpCode: '500', cartId: 'stale-undeletable', description: expect.stringContaining('Request ID: req-e2e-500') }),
			}),
		]);
		expect(nodeOutput(execution, 'Deletion Failed')).toEqual(deletionFailures);

		const requests = emulator.apiRequests();
		expect(requests.filter((r) => r.method === 'DELETE' && /^\/v2\/carts\/stale-(refused|half)$/.test(r.path))).toEqual([]);
		expect(cleared.filter((id) => state.carts.has(id))).toEqual([]);
		expect([...state.carts.get('stale-refused')!.customers]).toEqual(['refused-cust']);
		expect([...state.carts.get('stale-half')!.customers]).toEqual(['half-refused-cust']);
		expect(state.carts.get('stale-undeletable')!.customers.size).toBe(0);
	});
});
