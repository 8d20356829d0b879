/* eslint-disable @n8n/community-nodes/no-restricted-globals -- a benchmark process in plain Node.js */
import type { Client } from '../testkit/emulator/state';
import { emulatorCredentials } from '../testkit/engine/parameters';
import { timedExecution, warmUp } from './engineRuns';
import { pairs } from './pairs';

/*
 * One of the two bench processes of the "two processes" scenario (bench/sharing.ts): warms up,
 * says so, runs its removals with its own client ID on "go", and sends back its timings.
 */
const { baseUrl, client, from, count } = JSON.parse(process.argv[2]) as { baseUrl: string; client: Client; from: number; count: number };
process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL ?? 'warn';

void (async () => {
	await warmUp();
	process.once('message', () => {
		void timedExecution({ credentials: emulatorCredentials(baseUrl, { ...client }), items: pairs(count, from) }).then((result) =>
			process.send!(result, () => process.exit(0)),
		);
	});
	process.send!('ready');
})();
