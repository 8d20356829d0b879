/* eslint-disable @n8n/community-nodes/no-restricted-globals -- the end-to-end test reports its run time on the test runner's stdout */
import { DEFAULT_CLIENT, EpccEmulator } from '../emulator/EpccEmulator';
import type { N8nInstance } from './n8nProcess';
import { n8nWithPackage, nodeOutput } from './n8nProcess';
import { N8N_VERSION } from './version';
import { elasticPathCredential, forImport, loadTemplate, templateWorkflowId } from './templates';

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
		expect(execution.run?.status).toBe('success');
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
		const removed = nodeOutput(execution, 'Remove Customer From Cart');
		expect(removed).toHaveLength(STALE + SHARED);
		expect(removed.every((item) => item.success === true && item.notFound === undefined)).toBe(true);
		expect(nodeOutput(execution, 'Delete Cart', 1)).toEqual([]);
		const deleted = nodeOutput(execution, 'Delete Cart');
		expect(deleted.map((item) => item.cartId).sort()).toEqual([...stale].sort());
		expect(deleted.every((item) => item.success === true && item.notFound === undefined)).toBe(true);

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
});
