/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- the queue-mode harness starts servers and n8n processes from plain Node.js */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

import type { N8nInstance } from './n8nProcess';
import { childEnv, freePort, REPO, run } from './n8nProcess';
import { stopProcessGroup } from './processGroup';

/** Redis and PostgreSQL started by scripts/queue-services.sh. */
export interface QueueServices {
	dir: string;
	redisPort: number;
	pgPort: number;
}

const SCRIPT = path.join(REPO, 'scripts', 'queue-services.sh');

export async function startQueueServices(): Promise<QueueServices> {
	const result = await run('bash', [SCRIPT, 'start']);
	if (result.code !== 0) throw new Error(`Starting Redis and PostgreSQL failed:\n${result.stderr.slice(-4000)}`);
	const value = (name: string) => /^(\S+)=(.*)$/m.exec(result.stdout.split('\n').find((line) => line.startsWith(`${name}=`)) ?? '')?.[2] ?? '';
	return { dir: value('DIR'), redisPort: Number(value('REDIS_PORT')), pgPort: Number(value('PG_PORT')) };
}

export async function stopQueueServices(services: QueueServices): Promise<void> {
	await run('bash', [SCRIPT, 'stop', services.dir]);
}

/** What the main process and every worker share: the queue, the database and the key that encrypts credentials. */
export function queueEnv(services: QueueServices, encryptionKey = randomBytes(24).toString('hex')): NodeJS.ProcessEnv {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(services.redisPort),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(services.pgPort),
		DB_POSTGRESDB_DATABASE: 'n8n',
		DB_POSTGRESDB_USER: 'n8n',
		DB_POSTGRESDB_PASSWORD: '',
		N8N_ENCRYPTION_KEY: encryptionKey,
		// Processes that stop within seconds at the end of a test.
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
	};
}

const READY_LINE = 'n8n worker is now ready';

/** `n8n worker`: takes executions from the queue. */
export class N8nWorker {
	output = '';

	private readonly exited: Promise<unknown>;

	private constructor(private readonly child: ChildProcess) {
		this.exited = new Promise((resolve) => child.once('exit', resolve));
	}

	static async start(instance: N8nInstance, concurrency: number, timeoutMs = 120_000): Promise<N8nWorker> {
		const env = childEnv({
			...instance.env,
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			QUEUE_HEALTH_CHECK_PORT: String(await freePort()),
		});
		// Its own process group, so that stopping it also stops what it started.
		const child = spawn(instance.install.bin, ['worker', `--concurrency=${concurrency}`], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
		const worker = new N8nWorker(child);
		const collect = (chunk: Buffer) => (worker.output += chunk.toString());
		child.stdout!.on('data', collect);
		child.stderr!.on('data', collect);
		const deadline = Date.now() + timeoutMs;
		while (!worker.output.includes(READY_LINE)) {
			if (child.exitCode !== null || Date.now() > deadline) {
				await worker.stop();
				throw new Error(`n8n worker did not start:\n${worker.output.slice(-4000)}`);
			}
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		return worker;
	}

	/** Executions this worker ran, as it logs them. */
	startedExecutions(): string[] {
		return [...this.output.matchAll(/Worker started execution (\S+)/g)].map((match) => match[1]);
	}

	async stop(): Promise<void> {
		await stopProcessGroup(this.child, this.exited);
	}
}
