/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/require-node-api-error -- the end-to-end harness starts n8n processes from plain Node.js */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';

import type { N8nInstance } from './n8nProcess';
import { childEnv, freePort } from './n8nProcess';
import { stopProcessGroup } from './processGroup';

/** The owner account a fresh n8n asks for on first start; local, throw-away instances only. */
export const LOCAL_OWNER = { email: 'owner@example.com', firstName: 'Local', lastName: 'Owner', password: 'Elastic-Path-1' };

/** Printed by `n8n start` on both lines once the server, the community nodes and the active workflows are up. */
const READY_LINE = 'Editor is now accessible via';

export interface StartOptions {
	/** 0 (the default) takes a free port. */
	port?: number;
	/** Also write the server's output to this file (for `npm run dev`). */
	logFile?: string;
	timeoutMs?: number;
}

/** `n8n start` for one user folder: the editor, the REST API and production webhooks. */
export class N8nServer {
	output = '';

	private cookie = '';

	private exited?: Promise<void>;

	private constructor(
		private readonly child: ChildProcess,
		readonly baseUrl: string,
	) {}

	static async start(instance: N8nInstance, options: StartOptions = {}): Promise<N8nServer> {
		const port = options.port || (await freePort());
		const env = childEnv({
			...instance.env,
			N8N_PORT: String(port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			// http on localhost: the browser would refuse n8n's Secure auth cookie.
			N8N_SECURE_COOKIE: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '5',
			WEBHOOK_URL: `http://localhost:${port}/`,
		});
		// Its own process group, so that stopping it also stops the task runners it started.
		const child = spawn(instance.install.bin, ['start'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
		const server = new N8nServer(child, `http://localhost:${port}`);
		server.exited = new Promise((resolve) => child.on('exit', () => resolve()));
		const log = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : undefined;
		const collect = (chunk: Buffer) => {
			server.output += chunk.toString();
			log?.write(chunk);
		};
		child.stdout!.on('data', collect);
		child.stderr!.on('data', collect);
		try {
			await server.waitFor(() => server.output.includes(READY_LINE), options.timeoutMs ?? 120_000, 'n8n to start');
		} catch (error) {
			await server.stop();
			throw error;
		}
		return server;
	}

	private async waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		let gone = false;
		void this.exited?.then(() => (gone = true));
		while (!(await condition())) {
			if (gone) throw new Error(`n8n exited while waiting for ${what}:\n${this.output.slice(-4000)}`);
			if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}:\n${this.output.slice(-4000)}`);
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
	}

	async request(method: string, path: string, body?: unknown): Promise<{ status: number; text: string; json: () => unknown }> {
		const response = await fetch(`${this.baseUrl}${path}`, {
			method,
			headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...(this.cookie ? { Cookie: this.cookie } : {}) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.get('set-cookie');
		const auth = setCookie && /n8n-auth=[^;]+/.exec(setCookie);
		if (auth) this.cookie = auth[0];
		const text = await response.text();
		return { status: response.status, text, json: () => JSON.parse(text) as unknown };
	}

	/** The session cookie after signIn(), as `name=value`, to hand to a browser. */
	get sessionCookie(): string {
		return this.cookie;
	}

	/** Creates the owner account on a fresh instance (or logs in if it exists) and keeps the session cookie. */
	async signIn(owner = LOCAL_OWNER): Promise<void> {
		const setup = await this.request('POST', '/rest/owner/setup', owner);
		if (setup.status === 200) return;
		const login = await this.request('POST', '/rest/login', { emailOrLdapLoginId: owner.email, email: owner.email, password: owner.password });
		if (login.status !== 200) throw new Error(`Could not sign in to n8n (owner setup ${setup.status}: ${setup.text}; login ${login.status}: ${login.text})`);
	}

	/**
	 * The node types the editor knows, as "name@version" (what the editor loads from /types/nodes.json).
	 * n8n writes that file while it loads packages: wait until it lists `expected`, or give up.
	 */
	async nodeTypes(expected: string[] = [], timeoutMs = 30_000): Promise<Set<string>> {
		let known = new Set<string>();
		const load = async () => {
			const answer = await this.request('GET', '/types/nodes.json');
			if (answer.status !== 200) throw new Error(`GET /types/nodes.json answered ${answer.status}: sign in first`);
			known = new Set();
			for (const type of answer.json() as Array<{ name: string; version: number | number[] }>) {
				for (const version of Array.isArray(type.version) ? type.version : [type.version]) known.add(`${type.name}@${version}`);
			}
			return expected.every((e) => known.has(e));
		};
		await this.waitFor(load, timeoutMs, `the node types ${expected.join(', ')}`).catch(() => undefined);
		return known;
	}

	/**
	 * Deactivates a workflow through the REST API, as the editor's switch does (n8n then runs its
	 * triggers' webhook `delete`): `POST …/deactivate` from n8n 1.1xx on, before that a `PATCH`
	 * with `active: false` and the stored version.
	 */
	async deactivate(workflowId: string): Promise<void> {
		const answer = await this.request('POST', `/rest/workflows/${workflowId}/deactivate`, {});
		if (answer.status === 200) return;
		const stored = await this.request('GET', `/rest/workflows/${workflowId}`);
		const { versionId } = (stored.json() as { data: { versionId?: string } }).data;
		const patch = await this.request('PATCH', `/rest/workflows/${workflowId}`, { active: false, versionId });
		if (patch.status !== 200) throw new Error(`Could not deactivate workflow ${workflowId} (deactivate ${answer.status}; PATCH ${patch.status}: ${patch.text})`);
	}

	/** How many executions of a workflow n8n has recorded (its executions list, as the editor reads it). */
	async executionCount(workflowId: string): Promise<number> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const answer = await this.request('GET', `/rest/executions?filter=${filter}&limit=1`);
		if (answer.status !== 200) throw new Error(`GET /rest/executions answered ${answer.status}: ${answer.text.slice(0, 300)}`);
		return (answer.json() as { data: { count: number } }).data.count;
	}

	/** Waits until `condition` holds (e.g. a change n8n makes in the background), or fails after `timeoutMs`. */
	async until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
		await this.waitFor(condition, timeoutMs, what);
	}

	async stop(): Promise<void> {
		await stopProcessGroup(this.child, this.exited ?? Promise.resolve());
	}
}
