/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- the end-to-end harness starts n8n processes from plain Node.js */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const REPO = path.resolve(__dirname, '..', '..');

/** The n8n the end-to-end tests run (N8N_E2E_VERSION to try another). */
export const N8N_VERSION = process.env.N8N_E2E_VERSION ?? '1.123.50';

export interface ProcessResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** Runs a command without blocking this process (the emulator answers from it meanwhile). */
export async function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<ProcessResult> {
	return await new Promise((resolve, reject) => {
		const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
		// Jest sets NODE_ENV=test, under which n8n uses a throw-away database and prints nothing.
		delete env.NODE_ENV;
		const child = spawn(command, args, { cwd: options.cwd ?? REPO, env });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}

/** A real n8n installed in the cache folder by scripts/install-n8n.sh (reused between runs). */
export async function installN8n(version: string): Promise<string> {
	const result = await run('bash', [path.join(REPO, 'scripts', 'install-n8n.sh'), version]);
	if (result.code !== 0) throw new Error(`Installing n8n ${version} failed:\n${result.stderr.slice(-4000)}`);
	return result.stdout.trim().split('\n').pop()!;
}

/** The package as npm would publish it. */
export async function packPackage(destination: string): Promise<string> {
	const result = await run('npm', ['pack', '--json', '--pack-destination', destination]);
	if (result.code !== 0) throw new Error(`npm pack failed:\n${result.stderr}`);
	const [{ filename }] = JSON.parse(result.stdout) as Array<{ filename: string }>;
	return path.join(destination, filename);
}

export interface Execution {
	result: ProcessResult;
	/** The run data printed by `n8n execute --rawOutput`, when it printed any. */
	run?: {
		status?: string;
		data: { resultData: { runData: Record<string, Array<{ data?: { main: Array<Array<{ json: Record<string, unknown> }>> }; error?: { message: string }; executionTime?: number }>>; error?: { message: string } } };
	};
}

/** One n8n user folder with the packed package installed as a community package. */
export class N8nInstance {
	readonly userFolder = mkdtempSync(path.join(tmpdir(), 'n8n-e2e-'));

	private readonly encryptionKey = randomBytes(24).toString('hex');

	constructor(private readonly bin: string) {}

	get env(): NodeJS.ProcessEnv {
		return {
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: this.encryptionKey,
			N8N_EXPRESSION_ENGINE: 'legacy',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			// `execute --rawOutput` prints the run through n8n's logger at info level; the test
			// runner sends its own n8n-core logs to a file, this n8n prints to its console.
			N8N_LOG_LEVEL: 'info',
			N8N_LOG_OUTPUT: 'console',
		};
	}

	/** Where n8n looks for community packages: ~/.n8n/nodes/node_modules/<name>. */
	async installPackage(tarball: string): Promise<void> {
		const target = path.join(this.userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-elasticpath');
		mkdirSync(target, { recursive: true });
		const result = await run('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
		if (result.code !== 0) throw new Error(`Extracting ${tarball} failed: ${result.stderr}`);
	}

	private async cli(args: string[], timeoutSeconds = 180): Promise<ProcessResult> {
		// `n8n execute` can spin forever after a failed run instead of exiting: always bound it.
		return await run('timeout', ['--kill-after=10', String(timeoutSeconds), this.bin, ...args], { env: this.env });
	}

	async importJson(kind: 'credentials' | 'workflow', data: unknown): Promise<void> {
		const file = path.join(this.userFolder, `${kind}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
		writeFileSync(file, JSON.stringify(data));
		const result = await this.cli([`import:${kind}`, `--input=${file}`]);
		if (result.code !== 0) throw new Error(`n8n import:${kind} failed:\n${result.stdout}\n${result.stderr}`);
	}

	async execute(workflowId: string, timeoutSeconds?: number): Promise<Execution> {
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], timeoutSeconds);
		const start = result.stdout.indexOf('\n{');
		const json = result.stdout.startsWith('{') ? result.stdout : start >= 0 ? result.stdout.slice(start + 1) : '';
		try {
			return { result, run: json ? (JSON.parse(json) as Execution['run']) : undefined };
		} catch {
			return { result };
		}
	}
}

/** A fresh n8n user folder with the package, packed as npm would publish it, installed. */
export async function n8nWithPackage(version = N8N_VERSION): Promise<N8nInstance> {
	const [bin, tarball] = await Promise.all([installN8n(version), packPackage(mkdtempSync(path.join(tmpdir(), 'epcc-pack-')))]);
	const n8n = new N8nInstance(bin);
	await n8n.installPackage(tarball);
	return n8n;
}

/** The output items of one node in an execution: its main output, or another (1 is the error output of "Continue (using error output)"). */
export function nodeOutput(execution: Execution, node: string, output = 0): Array<Record<string, unknown>> {
	const runs = execution.run?.data.resultData.runData[node] ?? [];
	return runs.flatMap((r) => r.data?.main[output] ?? []).map((item) => item.json);
}
