/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- the soak test is a command-line program in plain Node.js */
import type { INodeExecutionData } from 'n8n-workflow';

import { associationParameters, emulatorCredentials } from '../testkit/engine/parameters';
import { newCredentialsHelper, runWorkflow } from '../testkit/engine/runWorkflow';
import { RemoteEmulator } from './emulatorClient';
import { pairs } from './pairs';

/*
 * 100,000 removals through the engine against the emulator (in its own process), with 2%
 * injected faults and the 100/s production limit scaled up tenfold for loopback. Run as
 * consecutive executions of one scheduled workflow sharing one credential, as n8n would:
 * resident memory measured after each must stay flat.
 */
const total = Number(process.argv.find((a) => a.startsWith('--items='))?.slice(8) ?? 100_000);
const perExecution = Number(process.argv.find((a) => a.startsWith('--batch='))?.slice(8) ?? 5_000);
const LIMIT = 1000;
const FAULT = 0.005;

const gc = () => (globalThis as { gc?: () => void }).gc?.();
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

async function main() {
	process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL ?? 'warn';
	const emulator = new RemoteEmulator();
	const baseUrl = await emulator.start(
		{
			rateLimit: LIMIT,
			seed: 11,
			randomFaults: [
				{ probability: FAULT, fault: { kind: 'answer', answer: { status: 503, body: { errors: [{ status: 503, title: 'Service Unavailable' }] } } } },
				{ probability: FAULT, fault: { kind: 'answer', answer: { status: 502, text: '<html><title>502 Bad Gateway</title></html>', contentType: 'text/html' } } },
				{ probability: FAULT, fault: { kind: 'reset-before' } },
				{ probability: FAULT, fault: { kind: 'reset-after' } },
			],
		},
		total,
	);
	const credentialsHelper = newCredentialsHelper(emulatorCredentials(baseUrl));
	console.log(`soak: ${total} removals in executions of ${perExecution}, store limit ${LIMIT}/s, 2% injected faults (503, 502, resets before and after handling)`);
	console.log('execution | items | seconds | items/s | failed | lost | RSS after (MiB) | heap after (MiB)');

	const started = performance.now();
	let failed = 0;
	let lost = 0;
	const rssAfter: number[] = [];
	for (let offset = 0, execution = 1; offset < total; offset += perExecution, execution++) {
		const count = Math.min(perExecution, total - offset);
		const items = pairs(count, offset + 1);
		const t0 = performance.now();
		const { output, error } = await runWorkflow({
			parameters: associationParameters('delete'),
			items,
			credentials: {},
			credentialsHelper,
			continueOnFail: true,
		});
		if (error) throw new Error(`execution ${execution} failed: ${error.message}`);
		const seconds = (performance.now() - t0) / 1000;
		const counts = new Array<number>(count).fill(0);
		let failedHere = 0;
		for (const item of output as INodeExecutionData[]) {
			counts[(item.pairedItem as { item: number }).item]++;
			if (item.json.error !== undefined) failedHere++;
		}
		const lostHere = counts.filter((c) => c !== 1).length;
		failed += failedHere;
		lost += lostHere;
		gc();
		const memory = process.memoryUsage();
		rssAfter.push(memory.rss);
		console.log(
			`${String(execution).padStart(9)} | ${String(count).padStart(5)} | ${seconds.toFixed(1).padStart(7)} | ${(count / seconds).toFixed(0).padStart(7)} | ${String(failedHere).padStart(6)} | ${String(lostHere).padStart(4)} | ${mib(memory.rss).padStart(15)} | ${mib(memory.heapUsed).padStart(16)}`,
		);
	}
	const seconds = (performance.now() - started) / 1000;
	const stats = await emulator.stats();
	await emulator.stop();

	const half = Math.floor(rssAfter.length / 2);
	const secondHalfGrowth = rssAfter[rssAfter.length - 1] - rssAfter[half];
	console.log(`\nitems: ${total}, lost: ${lost}, failed: ${failed}, throughput: ${(total / seconds).toFixed(0)} items/s over ${seconds.toFixed(0)} s`);
	console.log(`store: ${stats.apiRequests} requests, ${stats.throttled} answered 429, statuses ${JSON.stringify(stats.byStatus)}`);
	console.log(
		`RSS after each execution: first ${mib(rssAfter[0])} MiB, middle ${mib(rssAfter[half])} MiB, last ${mib(rssAfter[rssAfter.length - 1])} MiB; growth over the second half ${mib(secondHalfGrowth)} MiB`,
	);
	console.log(lost === 0 ? 'no item lost' : `LOST ${lost} items`);
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);
