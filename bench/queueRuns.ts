import { DEFAULT_CLIENT } from '../testkit/emulator/EpccEmulator';
import { trafficFigures } from '../testkit/emulator/trafficFigures';
import type { N8nInstall } from '../testkit/n8n/n8nProcess';
import { N8nInstance } from '../testkit/n8n/n8nProcess';
import { N8nServer } from '../testkit/n8n/n8nServer';
import { N8nWorker, queueEnv, startQueueServices, stopQueueServices } from '../testkit/n8n/queueMode';
import { RemoteEmulator } from './emulatorClient';
import type { Build } from './realN8n';
import { installBuild } from './realN8n';
import { removalWebhookWorkflow, WEBHOOK_PATH } from '../testkit/n8n/removalWebhook';
import { NODE_CREDENTIAL } from './realN8nWorkflows';

/*
 * Issue 23's queue mode: a main process taking webhook calls and `workers` workers at
 * `concurrency`, Redis and PostgreSQL (scripts/queue-services.sh), executions of 250 removals
 * each sent at once, one store at 100/s.
 */

const WORKFLOW_ID = 'benchQueueRemove1';

export interface QueueFigures {
	label: string;
	workers: number;
	concurrency: number;
	executions: number;
	ratio: number;
	refusedPercent: number;
	/** Items answered successfully, and carts the store removed a customer from (each once: both equal the items). */
	succeeded: number;
	removed: number;
	items: number;
	seconds: number;
}

export async function queueRun(install: N8nInstall, build: Build, workers: number, concurrency: number, executions: number, itemsEach = 250, limit = 100): Promise<QueueFigures> {
	const items = executions * itemsEach;
	const [services, emulator] = [await startQueueServices(), new RemoteEmulator()];
	const baseUrl = await emulator.start({ latencyMs: 40, rateLimit: limit, seed: 7 }, items);
	const env = queueEnv(services);
	const instances = Array.from({ length: workers + 1 }, () => new N8nInstance(install, undefined, env));
	let server: N8nServer | undefined;
	const started: N8nWorker[] = [];
	try {
		for (const instance of instances) installBuild(instance, build.dist);
		const [main, ...workerInstances] = instances;
		const data = { region: 'custom', baseUrl, authType: 'clientCredentials', ...DEFAULT_CLIENT, rateLimit: build.rateLimit ?? 'learn' };
		await main.importJson('credentials', [{ ...NODE_CREDENTIAL, type: 'elasticPathApi', data }]);
		await main.importJson('workflow', removalWebhookWorkflow(WORKFLOW_ID, NODE_CREDENTIAL));
		await main.activate(WORKFLOW_ID);
		server = await N8nServer.start(main);
		started.push(...(await Promise.all(workerInstances.map(async (instance) => await N8nWorker.start(instance, concurrency)))));
		const answers = await Promise.all(
			Array.from({ length: executions }, async (_, k) => {
				const pairs = Array.from({ length: itemsEach }, (_, i) => ({ cartId: `cart-${k * itemsEach + i + 1}`, customerId: `cust-${k * itemsEach + i + 1}` }));
				const response = await fetch(`${server!.baseUrl}/webhook/${WEBHOOK_PATH}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ pairs }) });
				const text = await response.text();
				try {
					return (JSON.parse(text) as { data: Array<{ success?: boolean }> }).data.filter((result) => result.success === true).length;
				} catch {
					return 0;
				}
			}),
		);
		const figures = trafficFigures(await emulator.traffic(), [DEFAULT_CLIENT.clientId], limit);
		const stats = await emulator.stats();
		return {
			label: build.label,
			workers,
			concurrency,
			executions,
			ratio: figures.ratio,
			refusedPercent: 100 * figures.refusedShare,
			succeeded: answers.reduce((a, b) => a + b, 0),
			removed: stats.byStatus['204'] ?? 0,
			items,
			seconds: figures.seconds,
		};
	} finally {
		await Promise.all([server?.stop(), ...started.map(async (worker) => await worker.stop())]);
		await stopQueueServices(services);
		await emulator.stop();
		for (const instance of instances) instance.remove();
	}
}
