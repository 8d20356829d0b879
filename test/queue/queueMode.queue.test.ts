/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- the queue-mode test drives servers and n8n processes from plain Node.js */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { DEFAULT_CLIENT, EpccEmulator } from '../../testkit/emulator/EpccEmulator';
import type { ClientTraffic } from '../../testkit/emulator/traffic';
import { trafficFigures } from '../../testkit/emulator/trafficFigures';
import { DEFAULT_N8N_VERSION, installN8n, N8nInstance, packPackage } from '../../testkit/n8n/n8nProcess';
import { N8nServer } from '../../testkit/n8n/n8nServer';
import type { QueueServices } from '../../testkit/n8n/queueMode';
import { N8nWorker, queueEnv, startQueueServices, stopQueueServices } from '../../testkit/n8n/queueMode';
import { emulatorCredential } from '../e2e/workflows';
import { removalWebhookWorkflow, WEBHOOK_PATH } from '../../testkit/n8n/removalWebhook';

const N8N_VERSION = process.env.N8N_QUEUE_VERSION ?? DEFAULT_N8N_VERSION;
const LIMIT = 100;
const EXECUTIONS = 4;
const ITEMS_PER_EXECUTION = 250;
const WORKERS = 2;
const CONCURRENCY_PER_WORKER = 2;
const WORKFLOW_ID = 'queueRemovals0001';
const CREDENTIAL_ID = 'queueEmulatorCred';

/** "accepted/refused" per second from the first request on, from the emulator's 100 ms counts, for reading what the workers did. */
function perSecond({ accepted, refused }: ClientTraffic): string[] {
	const first = accepted.findIndex((n, i) => n + refused[i] > 0);
	const sum = (series: number[], from: number) => series.slice(from, from + 10).reduce((a, b) => a + b, 0);
	const seconds: string[] = [];
	for (let from = Math.max(0, first); from < accepted.length; from += 10) seconds.push(`${sum(accepted, from)}/${sum(refused, from)}`);
	return seconds;
}

const pairsOf = (execution: number) =>
	Array.from({ length: ITEMS_PER_EXECUTION }, (_, i) => {
		const n = execution * ITEMS_PER_EXECUTION + i + 1;
		return { cartId: `cart-${n}`, customerId: `cust-${n}` };
	});

/**
 * n8n in queue mode, for real: Redis and PostgreSQL servers, a main process that takes the
 * webhook calls and two workers that run the executions, each with the packed package installed
 * in its own user folder as the README says. Four executions at once share one store.
 */
describe(`queue mode: n8n ${N8N_VERSION}, one main process and ${WORKERS} workers`, () => {
	const emulator = new EpccEmulator({ rateLimit: LIMIT, latencyMs: 40 });
	let services: QueueServices | undefined;
	let server: N8nServer | undefined;
	const workers: N8nWorker[] = [];
	const instances: N8nInstance[] = [];
	let answers: Array<{ status: number; body: string }> = [];

	beforeAll(async () => {
		const [install, tarball, started] = await Promise.all([
			installN8n(N8N_VERSION),
			packPackage(mkdtempSync(path.join(tmpdir(), 'epcc-pack-'))),
			startQueueServices(),
			emulator.start(),
		]);
		services = started;
		for (let n = 1; n <= EXECUTIONS * ITEMS_PER_EXECUTION; n++) emulator.state.addCart(`cart-${n}`, { customers: [`cust-${n}`] });

		const env = queueEnv(services);
		for (let k = 0; k <= WORKERS; k++) instances.push(new N8nInstance(install, undefined, env));
		await Promise.all(instances.map(async (instance) => await instance.installPackage(tarball)));
		const [main, ...workerInstances] = instances;
		await main.importJson('credentials', [emulatorCredential(CREDENTIAL_ID, emulator.baseUrl)]);
		await main.importJson('workflow', removalWebhookWorkflow(WORKFLOW_ID, { id: CREDENTIAL_ID, name: 'Elastic Path emulator' }));
		await main.activate(WORKFLOW_ID);

		const [mainServer, ...started2] = await Promise.all([
			N8nServer.start(main),
			...workerInstances.map(async (instance) => await N8nWorker.start(instance, CONCURRENCY_PER_WORKER)),
		]);
		server = mainServer;
		workers.push(...started2);

		emulator.log.length = 0;
		answers = await Promise.all(
			Array.from({ length: EXECUTIONS }, async (_, k) => {
				const response = await fetch(`${server!.baseUrl}/webhook/${WEBHOOK_PATH}`, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json' },
					body: JSON.stringify({ pairs: pairsOf(k) }),
				});
				return { status: response.status, body: await response.text() };
			}),
		);
	});

	afterAll(async () => {
		await Promise.all([server?.stop(), ...workers.map(async (worker) => await worker.stop())]);
		if (services) await stopQueueServices(services);
		await emulator.stop();
		for (const instance of instances) instance.remove();
	});

	it('the workers ran the executions (the main process only queued them)', () => {
		const ran = workers.map((worker) => worker.startedExecutions().length);
		expect(ran.reduce((a, b) => a + b, 0)).toBe(EXECUTIONS);
		expect(ran.every((count) => count > 0)).toBe(true);
	});

	it('every execution answers with one successful result per pair, in its own order', () => {
		answers.forEach(({ status, body }, k) => {
			expect(status).toBe(200);
			const results = (JSON.parse(body) as { data: Array<Record<string, unknown>> }).data;
			expect(results.map((r) => [r.cartId, r.customerId, r.success])).toEqual(pairsOf(k).map((p) => [p.cartId, p.customerId, true]));
		});
	});

	it('every item is removed exactly once: one accepted request per cart, no customer left', () => {
		const acceptedPerCart = new Map<string, number>();
		for (const request of emulator.apiRequests()) {
			expect(request.method).toBe('DELETE');
			if (request.status !== 204) continue;
			const cart = /^\/v2\/carts\/([^/]+)\//.exec(request.path)![1];
			acceptedPerCart.set(cart, (acceptedPerCart.get(cart) ?? 0) + 1);
		}
		expect(acceptedPerCart.size).toBe(EXECUTIONS * ITEMS_PER_EXECUTION);
		expect([...acceptedPerCart.values()].every((count) => count === 1)).toBe(true);
		expect([...emulator.state.carts.values()].filter((cart) => cart.customers.size > 0)).toEqual([]);
	});

	// The goals (0.85 of the limit, at most 5% 429s) are timing figures: met on a quiet machine
	// (see docs/scaling.md), printed here; the test fails only on a collapse, which
	// a loaded machine does not cause (0.72 and 4.3% measured under a load of 10 on 2 cores).
	it('the workers together use most of the store limit, with few 429s', () => {
		const traffic = emulator.traffic();
		const figures = trafficFigures(traffic, [DEFAULT_CLIENT.clientId], LIMIT);
		process.stdout.write(
			`queue mode, ${EXECUTIONS} executions of ${ITEMS_PER_EXECUTION} removals on ${WORKERS} workers: ${figures.accepted} accepted, ` +
				`${figures.refused} 429s (${(100 * figures.refusedShare).toFixed(1)}%) in ${figures.seconds.toFixed(1)} s: ratio ${figures.ratio.toFixed(2)} of ${LIMIT}/s (goals: 0.85, 5%)\n` +
				`accepted/refused per second: ${perSecond(traffic.clients[DEFAULT_CLIENT.clientId]).join(' ')}\n`,
		);
		expect(figures.refusedShare).toBeLessThanOrEqual(0.1);
		expect(figures.ratio).toBeGreaterThanOrEqual(0.6);
	});
});
