/* eslint-disable no-console, @n8n/community-nodes/no-restricted-imports -- the benchmark prints its figures and finds the build on disk */
import path from 'node:path';

import { DEFAULT_N8N_VERSION, installN8n, REPO } from '../testkit/n8n/n8nProcess';
import type { QueueFigures } from './queueRuns';
import { queueRun } from './queueRuns';
import type { Build, TwoProcessFigures } from './realN8n';
import { twoColdN8nProcesses } from './realN8n';

const LIMIT = 100;

function table(head: string[], body: string[][]): string {
	const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
	const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ');
	return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)].join('\n');
}

const fixed = (value: number | null, digits: number) => (value === null ? 'n/a' : value.toFixed(digits));

function twoProcessTable(rows: TwoProcessFigures[]): string {
	const head = ['build', 'ratio', '429 %', 'worst split', 'left one to 0.9 s', 'start gap s', 'failed', 'lost'];
	return table(
		head,
		rows.map((r) => [r.label, fixed(r.ratio, 3), fixed(r.refusedPercent, 1), fixed(r.worstShare, 2), r.survivorTo09 === null ? 'never' : r.survivorTo09.toFixed(1), r.startGap.toFixed(1), String(r.failed), String(r.lost)]),
	);
}

function queueTable(rows: QueueFigures[]): string {
	const head = ['build', 'workers × concurrency', 'executions × items', 'ratio', '429 %', 'succeeded', 'removed', 'seconds'];
	return table(
		head,
		rows.map((r) => [r.label, `${r.workers} × ${r.concurrency}`, `${r.executions} × ${r.items / r.executions}`, fixed(r.ratio, 3), fixed(r.refusedPercent, 1), `${r.succeeded}/${r.items}`, `${r.removed}/${r.items}`, r.seconds.toFixed(1)]),
	);
}

/** Issue 23's real-n8n scenarios: the baseline, the current build (learning the limit, and told it) and the HTTP Request peer, in one run. */
export async function realN8nScenarios(baseline: string | undefined, baselineCommit: string, quick: boolean): Promise<void> {
	const install = await installN8n(DEFAULT_N8N_VERSION);
	const current = path.join(REPO, 'dist');
	const base: Build[] = baseline ? [{ label: `baseline ${baselineCommit}`, dist: baseline, removal: 'node' }] : [];
	const learn: Build = { label: 'current, Learn It', dist: current, removal: 'node' };
	const told: Build = { label: 'current, Production', dist: current, removal: 'node', rateLimit: 'production' };
	const peer: Build = { label: "HTTP Request by hand", dist: current, removal: 'httpRequest' };
	const builds = quick ? [learn, told] : [...base, learn, told, peer];
	const rows: TwoProcessFigures[] = [];
	for (const staggerMs of [0, 3000]) {
		for (const build of builds) {
			console.log(`running two cold n8n ${install.version} processes, 600 removals each${staggerMs ? `, the second ${staggerMs / 1000} s later` : ''}: ${build.label}…`);
			rows.push(await twoColdN8nProcesses(install, build, LIMIT, 'fixed', staggerMs));
		}
	}
	console.log(`\nTwo cold n8n processes (\`n8n execute\`, n8n ${install.version}), one client ID each, one store: ${LIMIT}/s in fixed windows, 40 ms latency:\n`);
	console.log(twoProcessTable(rows));
	console.log('\ngoals: ratio ≥ 0.90, 429s ≤ 5%, each 0.35-0.65 of what the store accepted in every full second both send (worst split ≥ 0.35), the one left at 0.9 of the limit ≤ 1 s after the other ends;');
	console.log('lost = items not removed (failed or missing from the output). Per second from the first request, accepted/429 of process A then B:');
	for (const row of rows) console.log(`  ${row.label}: ${row.perSecond.join(' | ')}`);

	const queueRows: QueueFigures[] = [];
	for (const build of quick ? [learn] : [...base, learn, told]) {
		for (const workers of [2, 4]) {
			console.log(`running queue mode, main + ${workers} workers at concurrency 5, 8 executions of 250 removals: ${build.label}…`);
			queueRows.push(await queueRun(install, build, workers, 5, 8));
		}
	}
	console.log(`\nQueue mode (n8n ${install.version}, Redis, PostgreSQL), one store at ${LIMIT}/s (sliding window), 40 ms latency:\n`);
	console.log(queueTable(queueRows));
	console.log('\ngoals: every item once (succeeded and removed = items), ratio ≥ 0.85, 429s ≤ 5%, with 2 and with 4 workers.');
}
