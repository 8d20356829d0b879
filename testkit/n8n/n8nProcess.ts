/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- the end-to-end harness starts n8n processes from plain Node.js */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, cpSync, existsSync, mkdtempSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import versions from './n8n-versions.json';

/** The repository: the nearest folder with a package.json (this file also runs compiled, from build/). */
export const REPO = (function findRepo(dir: string): string {
	return existsSync(path.join(dir, 'package.json')) ? dir : findRepo(path.dirname(dir));
})(__dirname);

/** The n8n versions the package is tested on: the floor, the newest 1.x (both on this machine's Node 20) and the newest 2.x (on Node 24 from the cache). */
export const N8N_VERSIONS: string[] = versions;

/** What the demo and the editor run unless N8N_VERSION says otherwise: the newest tested 1.x, on this machine's Node.js. */
export const DEFAULT_N8N_VERSION: string = versions.filter((version) => version.startsWith('1.')).pop() ?? versions[0];

export interface ProcessResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** The environment for child processes: jest's NODE_ENV=test makes n8n use a throw-away database and print nothing. */
export function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
	delete env.NODE_ENV;
	return env;
}

/** Runs a command without blocking this process (the emulator answers from it meanwhile). */
export async function run(
	command: string,
	args: string[],
	options: { env?: NodeJS.ProcessEnv; cwd?: string; showProgress?: boolean } = {},
): Promise<ProcessResult> {
	// stdout goes to a file, not a pipe: n8n 2.x once ended `execute --rawOutput` with its run cut off
	// mid-line in a pipe (a 1,000-item run), and a file takes every byte a process writes before it exits.
	const folder = mkdtempSync(path.join(tmpdir(), 'epcc-stdout-'));
	const stdoutFile = path.join(folder, 'stdout');
	const stdoutFd = openSync(stdoutFile, 'w');
	try {
		return await new Promise((resolve, reject) => {
			// With showProgress, what the command says on stderr goes straight to this process's (a terminal keeps npm's progress bar).
			const stdio: Array<'ignore' | 'pipe' | 'inherit' | number> = ['ignore', stdoutFd, options.showProgress ? 'inherit' : 'pipe'];
			const child = spawn(command, args, { cwd: options.cwd ?? REPO, env: childEnv(options.env), stdio });
			let stderr = '';
			child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
			child.on('error', reject);
			child.on('close', (code) => resolve({ code, stdout: readFileSync(stdoutFile, 'utf8'), stderr }));
		});
	} finally {
		closeSync(stdoutFd);
		rmSync(folder, { recursive: true, force: true });
	}
}

/** A TCP port nobody listens on right now (n8n 2.x's task broker would otherwise take 5679 in every process). */
export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

/** Whether n8n `version` is `minimum` or newer (compared numerically, part by part). */
export function atLeast(version: string, minimum: string): boolean {
	const [have, need] = [version, minimum].map((v) => v.split('.').map(Number));
	for (let i = 0; i < need.length; i++) if ((have[i] ?? 0) !== need[i]) return (have[i] ?? 0) > need[i];
	return true;
}

/** The package's node types as n8n `version` lists them: the agent tool variant only from n8n 1.85 on (see nodes/ElasticPath/n8nCompatibility.ts). */
export function packageNodeTypes(version: string): string[] {
	const versions = [1, 2];
	const types = [...versions.map((v) => `n8n-nodes-elasticpath.elasticPath@${v}`), 'n8n-nodes-elasticpath.elasticPathTrigger@1'];
	if (atLeast(version, '1.85.0')) types.push(...versions.map((v) => `n8n-nodes-elasticpath.elasticPathTool@${v}`));
	return types;
}

export interface N8nInstall {
	version: string;
	major: number;
	/** A launcher that runs this n8n on the Node.js it needs. */
	bin: string;
}

/** A real n8n installed in the cache folder by scripts/install-n8n.sh (reused between runs). */
export async function installN8n(version: string, { showProgress = false } = {}): Promise<N8nInstall> {
	const result = await run('bash', [path.join(REPO, 'scripts', 'install-n8n.sh'), version], { showProgress });
	if (result.code !== 0) throw new Error(`Installing n8n ${version} failed:\n${result.stderr.slice(-4000)}`);
	return { version, major: Number(version.split('.')[0]), bin: result.stdout.trim().split('\n').pop()! };
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

/** One n8n user folder (throw-away unless given) with the package installed as a community package. */
export class N8nInstance {
	readonly userFolder: string;

	private readonly encryptionKey = randomBytes(24).toString('hex');

	constructor(
		readonly install: N8nInstall,
		userFolder?: string,
		/** More environment for every process of this instance, e.g. queue mode's (and a shared N8N_ENCRYPTION_KEY). */
		private readonly extraEnv: NodeJS.ProcessEnv = {},
	) {
		this.userFolder = userFolder ?? mkdtempSync(path.join(tmpdir(), 'n8n-e2e-'));
	}

	get env(): NodeJS.ProcessEnv {
		return {
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: this.encryptionKey,
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			// `execute --rawOutput` prints the run through n8n's logger at info level; the test
			// runner sends its own n8n-core logs to a file, this n8n prints to its console.
			N8N_LOG_LEVEL: 'info',
			N8N_LOG_OUTPUT: 'console',
			...this.extraEnv,
		};
	}

	/** Where n8n looks for community packages: ~/.n8n/nodes/node_modules/<name>. */
	get packageFolder(): string {
		return path.join(this.userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-elasticpath');
	}

	/**
	 * Installs the packed tarball with `npm install` in ~/.n8n/nodes: what the README's manual
	 * install does, and what n8n's Community Nodes panel did before 1.1xx (newer panels unpack it
	 * there and drop its peer dependencies first). npm would install a non-optional peer
	 * dependency too, giving the node a second n8n-workflow instead of the host's.
	 */
	async installPackage(tarball: string): Promise<void> {
		const nodesFolder = path.dirname(path.dirname(this.packageFolder));
		mkdirSync(nodesFolder, { recursive: true });
		if (!existsSync(path.join(nodesFolder, 'package.json'))) {
			writeFileSync(path.join(nodesFolder, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }));
		}
		const result = await run('npm', ['install', tarball, '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { cwd: nodesFolder });
		if (result.code !== 0) throw new Error(`npm install ${tarball} in ${nodesFolder} failed:\n${result.stderr}`);
	}

	/** The packages npm put in ~/.n8n/nodes/node_modules (the package alone, when nothing else came with it). */
	installedPackages(): string[] {
		return readdirSync(path.dirname(this.packageFolder)).filter((name) => !name.startsWith('.'));
	}

	/**
	 * Copies the working tree's build (dist/ and package.json). A copy, not a link: through a link
	 * the node would load the working tree's n8n-workflow instead of the one of the n8n running it.
	 */
	installBuild(): void {
		rmSync(this.packageFolder, { recursive: true, force: true });
		mkdirSync(this.packageFolder, { recursive: true });
		cpSync(path.join(REPO, 'dist'), path.join(this.packageFolder, 'dist'), { recursive: true });
		cpSync(path.join(REPO, 'package.json'), path.join(this.packageFolder, 'package.json'));
	}

	/** One n8n command, bounded in time and with a task-broker port of its own. */
	async cli(args: string[], timeoutSeconds = 180): Promise<ProcessResult> {
		const env = { ...this.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
		// `n8n execute` can spin forever after a failed run instead of exiting: always bound it.
		return await run('timeout', ['--kill-after=10', String(timeoutSeconds), this.install.bin, ...args], { env });
	}

	async importJson(kind: 'credentials' | 'workflow', data: unknown): Promise<void> {
		const file = path.join(this.userFolder, `${kind}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
		// n8n 1.60's import:workflow takes a list only; later versions take one workflow or a list.
		writeFileSync(file, JSON.stringify(Array.isArray(data) ? data : [data]));
		const result = await this.cli([`import:${kind}`, `--input=${file}`]);
		if (result.code !== 0) throw new Error(`n8n import:${kind} failed:\n${result.stdout}\n${result.stderr}`);
	}

	/** Makes a workflow's triggers live at the next start: n8n 1.x activates, n8n 2.x publishes. */
	async activate(workflowId: string): Promise<void> {
		const args = this.install.major >= 2 ? ['publish:workflow', `--id=${workflowId}`] : ['update:workflow', `--id=${workflowId}`, '--active=true'];
		const result = await this.cli(args);
		if (result.code !== 0) throw new Error(`n8n ${args[0]} failed:\n${result.stdout}\n${result.stderr}`);
	}

	async execute(workflowId: string, timeoutSeconds?: number): Promise<Execution> {
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], timeoutSeconds);
		const json = printedRun(result.stdout);
		let run: Execution['run'];
		try {
			run = json ? (JSON.parse(json) as Execution['run']) : undefined;
		} catch {
			return { result };
		}
		// n8n 1.60 prints the run before it sets the final status: a finished run there still says "running".
		if (run?.status === 'running' && result.code !== null) run.status = run.data.resultData.error ? 'error' : 'success';
		return { result, run };
	}

	remove(): void {
		rmSync(this.userFolder, { recursive: true, force: true });
	}
}

/**
 * The run `--rawOutput` prints, indented two spaces under a `{` and a `}` of their own, without
 * the log lines n8n prints on the same console before, after or (from another part of n8n, its
 * task runner on 2.x) in the middle of it: none of those is indented.
 */
function printedRun(stdout: string): string {
	const lines = stdout.split('\n');
	const start = lines.indexOf('{');
	if (start < 0) return '';
	const block = ['{'];
	for (const line of lines.slice(start + 1)) {
		if (line === '}') return [...block, '}'].join('\n');
		if (line.startsWith(' ')) block.push(line);
	}
	return '';
}

/** A fresh n8n user folder with the package, packed as npm would publish it, installed. */
export async function n8nWithPackage(version: string): Promise<N8nInstance> {
	const [install, tarball] = await Promise.all([installN8n(version), packPackage(mkdtempSync(path.join(tmpdir(), 'epcc-pack-')))]);
	const n8n = new N8nInstance(install);
	await n8n.installPackage(tarball);
	return n8n;
}

/**
 * The run's status, or why there is none: what a failed assertion should show. Without it a run
 * that printed nothing fails as "received undefined", with n8n's own words thrown away.
 */
export function runStatus(execution: Execution): string {
	const { run, result } = execution;
	if (run?.status === 'success') return 'success';
	const tail = (text: string) => text.slice(-2000).trim();
	const error = run?.data.resultData.error?.message;
	return [
		run ? `status ${run.status ?? 'missing'}${error ? `: ${error}` : ''}` : 'no run printed',
		`exit code ${result.code}`,
		`stdout: ${tail(result.stdout)}`,
		`stderr: ${tail(result.stderr)}`,
	].join('\n');
}

/** The output items of one node in an execution: its main output, or another (1 is the error output of "Continue (using error output)"). */
export function nodeOutput(execution: Execution, node: string, output = 0): Array<Record<string, unknown>> {
	const runs = execution.run?.data.resultData.runData[node] ?? [];
	return runs.flatMap((r) => r.data?.main[output] ?? []).map((item) => item.json);
}
