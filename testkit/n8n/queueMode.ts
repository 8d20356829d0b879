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

/** Stops Redis (n8n's queue goes down), or starts it again on the same port. */
export async function setRedis(services: QueueServices, up: boolean): Promise<void> {
	const result = await run('bash', [SCRIPT, up ? 'redis-start' : 'redis-stop', services.dir]);
	if (result.code !== 0) throw new Error(`queue-services.sh ${up ? 'redis-start' : 'redis-stop'} failed:\n${result.stderr}`);
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

/** An n8n process of queue mode other than the main one, started with `args` and ready once it prints `readyLine`. */
class QueueProcess {
	output = '';

	private readonly exited: Promise<unknown>;

	protected constructor(protected readonly child: ChildProcess) {
		this.exited = new Promise((resolve) => child.once('exit', resolve));
		const collect = (chunk: Buffer) => (this.output += chunk.toString());
		child.stdout!.on('data', collect);
		child.stderr!.on('data', collect);
	}

	protected static spawn(instance: N8nInstance, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
		// Its own process group, so that stopping it also stops what it started.
		return spawn(instance.install.bin, args, { env: childEnv({ ...instance.env, ...env }), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	}

	protected async ready(readyLine: string, what: string, timeoutMs: number): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (!this.output.includes(readyLine)) {
			if (this.child.exitCode !== null || Date.now() > deadline) {
				await this.stop();
				throw new Error(`${what} did not start:\n${this.output.slice(-4000)}`);
			}
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}

	get alive(): boolean {
		return this.child.exitCode === null && this.child.signalCode === null;
	}

	async stop(): Promise<void> {
		await stopProcessGroup(this.child, this.exited);
	}

	/** Kills the process and what it started at once, as an out-of-memory kill or a lost machine would. */
	async kill(): Promise<void> {
		try {
			process.kill(-this.child.pid!, 'SIGKILL');
		} catch {
			// already gone
		}
		await this.exited;
	}
}

/** `n8n worker`: takes executions from the queue. */
export class N8nWorker extends QueueProcess {
	static async start(instance: N8nInstance, concurrency: number, timeoutMs = 120_000): Promise<N8nWorker> {
		const env = { N8N_RUNNERS_BROKER_PORT: String(await freePort()), QUEUE_HEALTH_CHECK_PORT: String(await freePort()) };
		const worker = new N8nWorker(QueueProcess.spawn(instance, ['worker', `--concurrency=${concurrency}`], env));
		await worker.ready('n8n worker is now ready', 'n8n worker', timeoutMs);
		return worker;
	}

	/** Executions this worker ran, as it logs them. */
	startedExecutions(): string[] {
		return [...this.output.matchAll(/Worker started execution (\S+)/g)].map((match) => match[1]);
	}
}

/** `n8n webhook`: answers production webhooks and queues the executions they start. */
export class N8nWebhookProcess extends QueueProcess {
	private constructor(
		child: ChildProcess,
		readonly baseUrl: string,
	) {
		super(child);
	}

	static async start(instance: N8nInstance, timeoutMs = 120_000): Promise<N8nWebhookProcess> {
		const port = await freePort();
		const env = { N8N_PORT: String(port), N8N_LISTEN_ADDRESS: '127.0.0.1', N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
		const webhook = new N8nWebhookProcess(QueueProcess.spawn(instance, ['webhook'], env), `http://127.0.0.1:${port}`);
		await webhook.ready('Webhook listener waiting for requests.', 'n8n webhook', timeoutMs);
		return webhook;
	}
}
