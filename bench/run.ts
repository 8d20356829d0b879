/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- the benchmark is a command-line program in plain Node.js */
import type { INodeExecutionData } from 'n8n-workflow';

import type { EmulatorOptions } from '../test/emulator/EpccEmulator';
import { DEFAULT_CLIENT } from '../test/emulator/EpccEmulator';
import { runWorkflow } from '../test/engine/runWorkflow';
import { RemoteEmulator } from './emulatorClient';

interface Scenario {
	label: string;
	items: number;
	latencyMs: number;
	rateLimit?: number;
	randomFaults?: EmulatorOptions['randomFaults'];
	maxConcurrency?: number;
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
];

function countOutputs(items: number, output: INodeExecutionData[]) {
	const perInput = new Array<number>(items).fill(0);
	let failed = 0;
	for (const item of output) {
		const paired = item.pairedItem as { item: number } | undefined;
		if (paired && paired.item >= 0 && paired.item < items) perInput[paired.item]++;
		if (item.json.error !== undefined) failed++;
	}
	return { failed, lost: perInput.filter((count) => count !== 1).length };
}

async function measure(scenario: Scenario): Promise<Measured> {
	const emulator = new RemoteEmulator();
	const baseUrl = await emulator.start(
		{ latencyMs: scenario.latencyMs, rateLimit: scenario.rateLimit, randomFaults: scenario.randomFaults, seed: 7 },
		scenario.items,
	);
	const items = Array.from({ length: scenario.items }, (_, i) => ({ cartId: `cart-${i + 1}`, customerId: `cust-${i + 1}` }));

	(globalThis as { gc?: () => void }).gc?.();
	const rssBefore = process.memoryUsage().rss;
	let peakRss = rssBefore;
	const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
	let cpuAtStart = process.cpuUsage();
	let cpu = { user: 0, system: 0 };
	let startedAt = 0;
	let endedAt = 0;

	const { output, error } = await runWorkflow({
		parameters: {
			resource: 'customerCartAssociation',
			operation: 'delete',
			cartId: '={{ $json.cartId }}',
			customerId: '={{ $json.customerId }}',
			options: {},
			requestSettings: scenario.maxConcurrency ? { maxConcurrency: scenario.maxConcurrency } : {},
		},
		items,
		credentials: { region: 'custom', baseUrl, authType: 'clientCredentials', ...DEFAULT_CLIENT },
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
		cpuPerItemMs: (cpu.user + cpu.system) / 1000 / scenario.items,
	};
}

function table(rows: Measured[]): string {
	const head = ['scenario', 'wall s', 'req/s', 'ratio', '429s', '429 %', 'retries', 'failed', 'lost', 'peak RSS MiB', 'RSS KiB/item', 'CPU ms/item'];
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
		`scenario 4: RSS growth ${s4.rssGrowthPerItemKiB.toFixed(2)} KiB/item (< 2), CPU ${s4.cpuPerItemMs.toFixed(3)} ms/item (< 0.2) → ${ok(s4.rssGrowthPerItemKiB < 2 && s4.cpuPerItemMs < 0.2)}`,
		`sequential baseline: ${rows[1].achievedPerSecond.toFixed(1)} req/s vs ${s1.achievedPerSecond.toFixed(1)} req/s concurrent (×${(s1.achievedPerSecond / rows[1].achievedPerSecond).toFixed(1)})`,
	];
}

async function main() {
	process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL ?? 'warn';
	console.log(`Elastic Path node benchmark${quick ? ' (quick: a tenth of the items)' : ''}: n8n-core engine, emulator in another process on 127.0.0.1, Node ${process.version}`);
	const rows: Measured[] = [];
	for (const scenario of scenarios) {
		console.log(`running ${scenario.label} (${scenario.items} items)…`);
		rows.push(await measure(scenario));
	}
	console.log(`\n${table(rows)}\n`);
	console.log('ratio = achieved / min(store limit, concurrency / latency); req/s counts requests the store accepted (not 429); retries = requests beyond one per item.');
	for (const verdict of verdicts(rows)) console.log(verdict);
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
