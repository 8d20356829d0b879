/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, no-console -- the benchmark is a command-line program in plain Node.js */
import { fork } from 'node:child_process';

import type { EmulatorOptions } from '../testkit/emulator/EpccEmulator';
import { associationParameters, emulatorCredentials } from '../testkit/engine/parameters';
import { registerNodeType, runWorkflow } from '../testkit/engine/runWorkflow';
import { bareNode } from './bareNode';
import { RemoteEmulator } from './emulatorClient';
import { countOutputs, warmUp } from './engineRuns';
import { BASELINE_COMMIT, baselineDist } from './baseline';
import { realN8nScenarios } from './realN8nReport';
import { pairs } from './pairs';
import { cpuInside } from './profileShare';
import type { SharingResult } from './sharing';
import { runSharingScenario, sharingScenarios } from './sharing';
import { sharingTable } from './sharingTable';

interface Scenario {
	label: string;
	items: number;
	latencyMs: number;
	rateLimit?: number;
	randomFaults?: EmulatorOptions['randomFaults'];
	maxConcurrency?: number;
	/** Run n8n's floor (bench/bareNode.ts) instead of the Elastic Path node. */
	bare?: boolean;
}

interface Measured {
	scenario: Scenario;
	wallSeconds: number;
	accepted: number;
	achievedPerSecond: number;
	ratio?: number;
	requests: number;
	throttled: number;
	retries: number;
	failed: number;
	lost: number;
	peakRssMiB: number;
	rssGrowthPerItemKiB: number;
	/** Heap still in use after a full GC at the end of the run (the outputs n8n keeps), per item. */
	retainedPerItemKiB: number;
	cpuPerItemMs: number;
}

const DEFAULT_CONCURRENCY = 20;
const quick = process.argv.includes('--quick');
const scale = (n: number) => (quick ? n / 10 : n);

const scenarios: Scenario[] = [
	{ label: '1. 2,000 removals, 40 ms, limit 100/s', items: scale(2000), latencyMs: 40, rateLimit: 100 },
	{ label: '1b. sequential baseline (1 at a time)', items: scale(2000), latencyMs: 40, rateLimit: 100, maxConcurrency: 1 },
	{ label: '2. 2,000 removals, 40 ms, limit 25/s', items: scale(2000), latencyMs: 40, rateLimit: 25 },
	{
		label: '3. as 1, 5% 503 + 2% resets',
		items: scale(2000),
		latencyMs: 40,
		rateLimit: 100,
		randomFaults: [
			{ probability: 0.05, fault: { kind: 'answer', answer: { status: 503, body: { errors: [{ status: 503, title: 'Service Unavailable' }] } } } },
			// A reset after the API did the work: the retry must be harmless.
			{ probability: 0.02, fault: { kind: 'reset-after' } },
		],
	},
	{ label: '4. 20,000 removals, no latency, no limit', items: scale(20000), latencyMs: 0 },
	{ label: "4b. n8n's floor: bare requests, as 4", items: scale(20000), latencyMs: 0, bare: true },
];

registerNodeType('bench.bare', bareNode);

async function measure(scenario: Scenario): Promise<Measured> {
	const emulator = new RemoteEmulator();
	const baseUrl = await emulator.start(
		{ latencyMs: scenario.latencyMs, rateLimit: scenario.rateLimit, randomFaults: scenario.randomFaults, seed: 7 },
		scenario.items,
	);
	const items = pairs(scenario.items);

	const gc = () => (globalThis as { gc?: () => void }).gc?.();
	gc();
	const heapBefore = process.memoryUsage().heapUsed;
	const rssBefore = process.memoryUsage().rss;
	let peakRss = rssBefore;
	const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
	let cpuAtStart = process.cpuUsage();
	let cpu = { user: 0, system: 0 };
	let startedAt = 0;
	let endedAt = 0;

	const { output, error } = await runWorkflow({
		nodeType: scenario.bare ? 'bench.bare' : undefined,
		parameters: {
			...associationParameters('delete'),
			requestSettings: scenario.maxConcurrency ? { maxConcurrency: scenario.maxConcurrency } : {},
		},
		items,
		credentials: emulatorCredentials(baseUrl),
		continueOnFail: true,
		onNode: (event, node) => {
			if (node !== 'Elastic Path') return;
			if (event === 'start') {
				startedAt = performance.now();
				cpuAtStart = process.cpuUsage();
			} else {
				endedAt = performance.now();
				cpu = process.cpuUsage(cpuAtStart);
			}
		},
	});
	clearInterval(sampler);
	peakRss = Math.max(peakRss, process.memoryUsage().rss);
	if (error) throw new Error(`Scenario "${scenario.label}" failed: ${error.message}`);
	gc();
	const retained = process.memoryUsage().heapUsed - heapBefore;

	const stats = await emulator.stats();
	await emulator.stop();
	const wallSeconds = (endedAt - startedAt) / 1000;
	const accepted = stats.apiRequests - stats.throttled;
	const achievedPerSecond = accepted / wallSeconds;
	const concurrency = scenario.maxConcurrency ?? DEFAULT_CONCURRENCY;
	const ceiling = Math.min(scenario.rateLimit ?? Infinity, scenario.latencyMs ? concurrency / (scenario.latencyMs / 1000) : Infinity);
	return {
		scenario,
		wallSeconds,
		accepted,
		achievedPerSecond,
		ratio: Number.isFinite(ceiling) ? achievedPerSecond / ceiling : undefined,
		requests: stats.apiRequests,
		throttled: stats.throttled,
		retries: stats.apiRequests - scenario.items,
		...countOutputs(scenario.items, output),
		peakRssMiB: peakRss / 2 ** 20,
		rssGrowthPerItemKiB: (peakRss - rssBefore) / 1024 / scenario.items,
		retainedPerItemKiB: retained / 1024 / scenario.items,
		cpuPerItemMs: (cpu.user + cpu.system) / 1000 / scenario.items,
	};
}

function table(rows: Measured[]): string {
	const head = ['scenario', 'wall s', 'req/s', 'ratio', '429s', '429 %', 'retries', 'failed', 'lost', 'peak RSS MiB', 'RSS KiB/item', 'kept KiB/item', 'CPU ms/item'];
	const body = rows.map((m) => [
		m.scenario.label,
		m.wallSeconds.toFixed(1),
		m.achievedPerSecond.toFixed(1),
		m.ratio === undefined ? 'n/a' : m.ratio.toFixed(3),
		String(m.throttled),
		((100 * m.throttled) / m.requests).toFixed(2),
		String(m.retries),
		String(m.failed),
		String(m.lost),
		m.peakRssMiB.toFixed(0),
		m.rssGrowthPerItemKiB.toFixed(2),
		m.retainedPerItemKiB.toFixed(2),
		m.cpuPerItemMs.toFixed(3),
	]);
	const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
	const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ');
	return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)].join('\n');
}

function verdicts(rows: Measured[]): string[] {
	const [s1, , s2, s3, s4] = rows;
	const ok = (pass: boolean) => (pass ? 'met' : 'MISSED');
	const share = (m: Measured) => m.throttled / m.requests;
	return [
		`scenario 1: ratio ${s1.ratio!.toFixed(3)} (≥ 0.90), 429s ${(100 * share(s1)).toFixed(2)}% (≤ 5%), failed ${s1.failed} → ${ok(s1.ratio! >= 0.9 && share(s1) <= 0.05 && s1.failed === 0)}`,
		`scenario 2: ratio ${s2.ratio!.toFixed(3)} (≥ 0.90), 429s ${(100 * share(s2)).toFixed(2)}% (≤ 5%), failed ${s2.failed} → ${ok(s2.ratio! >= 0.9 && share(s2) <= 0.05 && s2.failed === 0)}`,
		`scenario 3: lost ${s3.lost}, failed ${s3.failed} (both 0) → ${ok(s3.lost === 0 && s3.failed === 0)}`,
		`scenario 4, whole process (n8n's engine, its HTTP client and the node): RSS growth ${s4.rssGrowthPerItemKiB.toFixed(2)} KiB/item (< 2), CPU ${s4.cpuPerItemMs.toFixed(3)} ms/item (< 0.2) → ${ok(s4.rssGrowthPerItemKiB < 2 && s4.cpuPerItemMs < 0.2)}`,
		`sequential baseline: ${rows[1].achievedPerSecond.toFixed(1)} req/s vs ${s1.achievedPerSecond.toFixed(1)} req/s concurrent (×${(s1.achievedPerSecond / rows[1].achievedPerSecond).toFixed(1)})`,
	];
}

/** How much of the node's CPU time is spent in the package's own code, on a profiled run of scenario 4. */
async function ownCodeShare(items: number): Promise<{ ownMsPerItem: number; busyMsPerItem: number }> {
	const scenario = { ...scenarios[4], items };
	const { insideMs, busyMs } = await cpuInside('/dist/nodes/ElasticPath/', async () => await measure(scenario));
	return { ownMsPerItem: insideMs / items, busyMsPerItem: busyMs / items };
}

/** Each scenario runs in a process of its own, so that memory figures do not inherit a heap grown by the one before. */
function inChild<T>(args: string[], dist?: string): Promise<T> {
	return new Promise((resolve, reject) => {
		const env = dist ? { ...process.env, EPCC_NODE_DIST: dist } : process.env;
		const child = fork(__filename, [...args, ...(quick ? ['--quick'] : [])], { execArgv: ['--expose-gc'], env });
		child.once('message', (message) => resolve(message as T));
		child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`benchmark process exited with ${code}`))));
	});
}

async function child(only: string) {
	if (only.startsWith('sharing-')) {
		const result = await runSharingScenario(sharingScenarios[Number(only.slice('sharing-'.length))]);
		return void process.send!(result, () => process.exit(0));
	}
	await warmUp(only !== 'profile' && scenarios[Number(only)].bare === true ? 'bench.bare' : undefined);
	const result = only === 'profile' ? await ownCodeShare(scale(5000)) : await measure(scenarios[Number(only)]);
	process.send!(result, () => process.exit(0));
}

/** Issue 10's scenarios, each with the baseline build and the current one, printed side by side. */
async function sharing() {
	const baseline = baselineDist();
	const results: Array<{ baseline?: SharingResult; current: SharingResult }> = [];
	// EPCC_BENCH_SHARING=<part of a label>: only the scenarios whose label holds it (for a second look at one).
	const only = process.env.EPCC_BENCH_SHARING;
	for (const [index, scenario] of sharingScenarios.entries()) {
		if (only && !scenario.label.includes(only)) {
			results.push({ current: { rows: [] } });
			continue;
		}
		console.log(`running ${scenario.label} (${scenario.items} items)${baseline ? ', baseline then current' : ''}…`);
		results.push({
			baseline: baseline ? await inChild<SharingResult>([`--only=sharing-${index}`], baseline) : undefined,
			current: await inChild<SharingResult>([`--only=sharing-${index}`]),
		});
	}
	console.log(`\nSharing the store's limit (40 ms latency; baseline: ${baseline ?? 'none'}):\n`);
	console.log(sharingTable(sharingScenarios, results));
	console.log(
		`\nratio = accepted per second over the time the clients sent / the limit; to 0.9 s = from the node's start to the end of the first half second (wholly after it) with 0.9 of what other clients left free;`,
	);
	console.log('slower = wall time against the first execution of "alone, 100/s, sliding window" from the same build.');
}

async function main() {
	console.log(`Elastic Path node benchmark${quick ? ' (quick: a tenth of the items)' : ''}: n8n-core engine, emulator in another process on 127.0.0.1, Node ${process.version}`);
	const startedAt = performance.now();
	const n8nOnly = process.argv.includes('--n8n-only');
	if (!process.argv.includes('--sharing-only') && !n8nOnly) await bulk();
	if (!process.argv.includes('--bulk-only') && !n8nOnly) await sharing();
	if (!process.argv.includes('--bulk-only') && !process.argv.includes('--no-n8n')) await realN8nScenarios(baselineDist(), BASELINE_COMMIT, quick);
	console.log(`\nThe benchmark took ${((performance.now() - startedAt) / 60_000).toFixed(1)} min.`);
}

async function bulk() {
	const rows: Measured[] = [];
	for (const [index, scenario] of scenarios.entries()) {
		console.log(`running ${scenario.label} (${scenario.items} items)…`);
		rows.push(await inChild<Measured>([`--only=${index}`]));
	}
	console.log(`\n${table(rows)}\n`);
	console.log('ratio = achieved / min(store limit, concurrency / latency); req/s counts requests the store accepted (not 429); retries = requests beyond one per item;');
	console.log('RSS KiB/item = peak resident memory growth during the run; kept KiB/item = heap still used after a full GC at the end (the items n8n keeps).');
	for (const verdict of verdicts(rows)) console.log(verdict);
	const floor = rows[5];
	const s4 = rows[4];
	const overFloor = {
		cpu: s4.cpuPerItemMs - floor.cpuPerItemMs,
		rss: s4.rssGrowthPerItemKiB - floor.rssGrowthPerItemKiB,
		kept: s4.retainedPerItemKiB - floor.retainedPerItemKiB,
	};
	console.log(
		`n8n's floor (4b, the same requests from a bare node): RSS growth ${floor.rssGrowthPerItemKiB.toFixed(2)} KiB/item, CPU ${floor.cpuPerItemMs.toFixed(3)} ms/item; the node over it: CPU ${overFloor.cpu.toFixed(3)} ms/item, peak RSS ${overFloor.rss.toFixed(2)} KiB/item, kept ${overFloor.kept.toFixed(2)} KiB/item`,
	);
	const share = await inChild<{ ownMsPerItem: number; busyMsPerItem: number }>(['--only=profile']);
	console.log(
		`profiled run of scenario 4 (${scale(5000)} items): ${share.ownMsPerItem.toFixed(3)} ms/item of CPU in the package's own code, of ${share.busyMsPerItem.toFixed(3)} ms/item of JavaScript in all`,
	);
	console.log(
		`scenario 4, the node's own share: CPU ${share.ownMsPerItem.toFixed(3)} ms/item (< 0.2), memory over n8n's floor ${Math.max(overFloor.rss, overFloor.kept).toFixed(2)} KiB/item (< 2) → ${share.ownMsPerItem < 0.2 && Math.max(overFloor.rss, overFloor.kept) < 2 ? 'met' : 'MISSED'}`,
	);
}

const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL ?? 'warn';
(only === undefined ? main() : child(only)).then(
	() => (only === undefined ? process.exit(0) : undefined),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
