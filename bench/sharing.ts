/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- the benchmark is a command-line program in plain Node.js */
import { fork } from 'node:child_process';
import path from 'node:path';

import type { EmulatorOptions } from '../testkit/emulator/EpccEmulator';
import { DEFAULT_CLIENT } from '../testkit/emulator/EpccEmulator';
import type { RateWindow } from '../testkit/emulator/rateLimit';
import type { Traffic } from '../testkit/emulator/traffic';
import { secondsToFraction, sliceTraffic, trafficFigures } from '../testkit/emulator/trafficFigures';
import { cartParameters, emulatorCredentials } from '../testkit/engine/parameters';
import { RemoteEmulator } from './emulatorClient';
import type { TimedExecution } from './engineRuns';
import { timedExecution, warmUp } from './engineRuns';
import { pairs } from './pairs';

/*
 * Sharing a store's rate limit (issue 10): each scenario runs in a process of its own, once with
 * the current build and once with the baseline, and reports figures from the emulator's traffic
 * per client per 100 ms.
 */

export type SharingKind = 'alone' | 'overlap' | 'processes' | 'otherClient' | 'getManyDelete' | 'single429' | 'random429';

export interface SharingScenario {
	kind: SharingKind;
	label: string;
	limit: number;
	window: RateWindow;
	/** Items in all (split between executions or processes where there are two). */
	items: number;
	/** The credential's Store Rate Limit (default: Learn It; builds before issue 23 ignore it). */
	rateLimit?: 'development' | 'production';
	goal: string;
}

/** Figures by name; the name says the unit. Null: never reached (null, unlike undefined, survives IPC). */
export type Figures = Record<string, number | null>;

export interface SharingResult {
	/** One set of figures per execution (or per node, or for all together). */
	rows: Array<{ label: string; figures: Figures }>;
}

const quick = process.argv.includes('--quick');
const scale = (n: number) => (quick ? n / 10 : n);

export const sharingScenarios: SharingScenario[] = [
	...([25, 100] as const).flatMap((limit) =>
		(['sliding', 'fixed'] as const).map((window) => ({
			kind: 'alone' as const,
			label: `alone, ${limit}/s, ${window} window`,
			limit,
			window,
			items: scale(1000),
			goal: 'ratio ≥ 0.96, 429s ≤ 2%',
		})),
	),
	...([25, 100] as const).flatMap((limit) =>
		(['sliding', 'fixed'] as const).map((window) => ({
			kind: 'alone' as const,
			label: `alone, ${limit}/s, ${window} window, credential states it`,
			limit,
			window,
			items: scale(1000),
			rateLimit: limit === 25 ? ('development' as const) : ('production' as const),
			goal: 'ratio ≥ 0.96, 429s ≤ 2%',
		})),
	),
	{ kind: 'overlap', label: 'two executions overlapping in one process', limit: 100, window: 'sliding', items: scale(1000), goal: 'together ≥ 0.95, 429s ≤ 2%' },
	{ kind: 'processes', label: 'two processes, one client ID each', limit: 100, window: 'sliding', items: scale(1000), goal: 'together ≥ 0.90, 429s ≤ 5%, each 0.35-0.65' },
	{ kind: 'otherClient', label: 'another client takes 60/s for 5 s', limit: 100, window: 'sliding', items: scale(1000), goal: '0.9 of the limit ≤ 3 s after it stops' },
	{ kind: 'getManyDelete', label: 'Get Many, then Delete Cart', limit: 100, window: 'sliding', items: scale(1000), goal: 'Delete starts at the learned rate' },
	{ kind: 'single429', label: 'one 429 on the 3rd request', limit: 100, window: 'sliding', items: scale(1000), goal: '≤ 20% slower than alone' },
	{ kind: 'random429', label: '5% of answers 429 at random', limit: 100, window: 'sliding', items: scale(1000), goal: '≤ 20% slower than alone' },
];

const OTHER_CLIENT = { clientId: 'storefront', perSecond: 60, fromMs: 0, untilMs: 5000 };
const PROCESS_CLIENTS = [
	{ clientId: 'bench-process-a', clientSecret: 'bench-secret-a' },
	{ clientId: 'bench-process-b', clientSecret: 'bench-secret-b' },
];

function emulatorOptions(scenario: SharingScenario): EmulatorOptions {
	const options: EmulatorOptions = { latencyMs: 40, rateLimit: scenario.limit, rateWindow: scenario.window, seed: 7 };
	if (scenario.kind === 'processes') options.clients = PROCESS_CLIENTS;
	if (scenario.kind === 'otherClient') options.otherClients = [OTHER_CLIENT];
	if (scenario.kind === 'single429') options.throttleApiRequests = [3];
	if (scenario.kind === 'random429') {
		options.randomFaults = [{ probability: 0.05, fault: { kind: 'answer', answer: { status: 429, body: { errors: [{ status: 429, title: 'Too Many Requests' }] } } } }];
	}
	return options;
}

/** Ratio to the limit, 429 share and time to 0.9 of the free limit of `clientIds` between two moments. */
function figuresBetween(traffic: Traffic, clientIds: string[], limit: number, from: number, to: number): Figures {
	const figures = trafficFigures(sliceTraffic(traffic, from, to), clientIds, limit);
	return {
		'wall s': (to - from) / 1000,
		ratio: figures.ratio,
		'429 %': 100 * figures.refusedShare,
		'to 0.9 s': secondsToFraction(traffic, clientIds, limit, 0.9, from) ?? null,
	};
}

function executionFigures(traffic: Traffic, scenario: SharingScenario, execution: TimedExecution, node = 'Elastic Path', clientIds = [DEFAULT_CLIENT.clientId]): Figures {
	const { startedAt, endedAt } = execution.nodes[node];
	return { ...figuresBetween(traffic, clientIds, scenario.limit, startedAt, endedAt), failed: execution.failed, lost: execution.lost };
}

const span = (executions: TimedExecution[], node = 'Elastic Path') => ({
	from: Math.min(...executions.map((e) => e.nodes[node].startedAt)),
	to: Math.max(...executions.map((e) => e.nodes[node].endedAt)),
});

const sum = (executions: TimedExecution[], key: 'failed' | 'lost') => executions.reduce((total, e) => total + e[key], 0);

/** Two bench processes (sharingWorker.ts), each with its own client ID, started together. */
async function inTwoProcesses(baseUrl: string, items: number): Promise<TimedExecution[]> {
	const half = items / 2;
	const workers = PROCESS_CLIENTS.map((client, k) =>
		fork(path.join(__dirname, 'sharingWorker.js'), [JSON.stringify({ baseUrl, client, from: 1 + k * half, count: half })], { env: process.env }),
	);
	const next = <T>(worker: (typeof workers)[number]) => new Promise<T>((resolve) => worker.once('message', (message) => resolve(message as T)));
	await Promise.all(workers.map(async (worker) => await next(worker)));
	const results = workers.map(async (worker) => await next<TimedExecution>(worker));
	for (const worker of workers) worker.send('go');
	return await Promise.all(results);
}

export async function runSharingScenario(scenario: SharingScenario): Promise<SharingResult> {
	await warmUp();
	const emulator = new RemoteEmulator();
	const seeded = scenario.kind === 'alone' ? 2 * scenario.items : scenario.items;
	const baseUrl = await emulator.start(emulatorOptions(scenario), seeded, scenario.kind === 'getManyDelete');
	const credentials = emulatorCredentials(baseUrl, scenario.rateLimit ? { rateLimit: scenario.rateLimit } : {});
	const removals = (count: number, from = 1) => timedExecution({ credentials, items: pairs(count, from) });
	const rows: SharingResult['rows'] = [];
	const traffic = async () => await emulator.traffic();

	if (scenario.kind === 'alone') {
		const first = await removals(scenario.items);
		const next = await removals(scenario.items, scenario.items + 1);
		const t = await traffic();
		rows.push({ label: 'first execution in the process', figures: executionFigures(t, scenario, first) });
		rows.push({ label: 'the next execution', figures: executionFigures(t, scenario, next) });
	} else if (scenario.kind === 'overlap') {
		const half = scenario.items / 2;
		const both = await Promise.all([removals(half), removals(half, half + 1)]);
		const { from, to } = span(both);
		rows.push({ label: 'both together', figures: { ...figuresBetween(await traffic(), [DEFAULT_CLIENT.clientId], scenario.limit, from, to), failed: sum(both, 'failed'), lost: sum(both, 'lost') } });
	} else if (scenario.kind === 'processes') {
		const both = await inTwoProcesses(baseUrl, scenario.items);
		const t = await traffic();
		const { from, to } = span(both);
		const ids = PROCESS_CLIENTS.map((c) => c.clientId);
		const accepted = ids.map((id) => trafficFigures(sliceTraffic(t, from, to), [id], scenario.limit).accepted);
		rows.push({
			label: 'both together',
			figures: { ...figuresBetween(t, ids, scenario.limit, from, to), failed: sum(both, 'failed'), lost: sum(both, 'lost'), 'share of A': accepted[0] / (accepted[0] + accepted[1]) },
		});
	} else if (scenario.kind === 'otherClient') {
		const run = await removals(scenario.items);
		const t = await traffic();
		const stoppedAt = t.startedAt + OTHER_CLIENT.untilMs;
		rows.push({
			label: 'the node',
			figures: {
				...executionFigures(t, scenario, run),
				'store used': trafficFigures(sliceTraffic(t, run.nodes['Elastic Path'].startedAt, run.nodes['Elastic Path'].endedAt), Object.keys(t.clients), scenario.limit).ratio,
				'to 0.9 after stop s': secondsToFraction(t, [DEFAULT_CLIENT.clientId], scenario.limit, 0.9, stoppedAt) ?? null,
			},
		});
	} else if (scenario.kind === 'getManyDelete') {
		const run = await timedExecution({
			credentials,
			items: [{}],
			parameters: cartParameters('getAll', { returnAll: true }),
			thenParameters: cartParameters('delete', { cartId: '={{ $json.cartId }}', options: {} }),
		});
		const t = await traffic();
		rows.push({ label: 'Delete Cart (the second node)', figures: executionFigures(t, scenario, run, 'Elastic Path 2') });
	} else {
		const run = await removals(scenario.items);
		rows.push({ label: 'the run', figures: executionFigures(await traffic(), scenario, run) });
	}
	await emulator.stop();
	return { rows };
}
