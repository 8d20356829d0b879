/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- the benchmark drives real n8n processes from plain Node.js */
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

import type { RateWindow } from '../testkit/emulator/rateLimit';
import type { TwoClientFigures } from '../testkit/emulator/trafficFigures';
import { twoClientFigures } from '../testkit/emulator/trafficFigures';
import type { N8nInstall } from '../testkit/n8n/n8nProcess';
import { N8nInstance, nodeOutput } from '../testkit/n8n/n8nProcess';
import { RemoteEmulator } from './emulatorClient';
import type { Removal } from './realN8nWorkflows';
import { NODE_CREDENTIAL, removalWorkflow } from './realN8nWorkflows';

/*
 * Issue 23's "two cold processes": two real n8n processes (`n8n execute`, a fresh process each,
 * as a restarted container or a scaled-up worker meets the store), started together, each with
 * its own client ID on one store, 600 removals each. Figures come from the emulator's traffic per
 * client per 100 ms: the ratio while either sends, the split in every full second both send,
 * and how soon the one left reaches 0.9 of the limit once the other ends.
 */

export const ITEMS_PER_PROCESS = 600;
const WORKFLOW_ID = 'benchTwoProcess01';
const CLIENTS = [
	{ clientId: 'n8n-process-a', clientSecret: 'n8n-secret-a' },
	{ clientId: 'n8n-process-b', clientSecret: 'n8n-secret-b' },
];

/** A build of the package to install: its dist/ folder and package.json. */
export interface Build {
	label: string;
	dist: string;
	removal: Removal;
	/** The credential's Store Rate Limit (builds before issue 23 ignore it). */
	rateLimit?: 'learn' | 'development' | 'production';
}

export interface TwoProcessFigures extends TwoClientFigures {
	label: string;
	failed: number;
	lost: number;
}

export function installBuild(instance: N8nInstance, dist: string): void {
	rmSync(instance.packageFolder, { recursive: true, force: true });
	mkdirSync(instance.packageFolder, { recursive: true });
	cpSync(dist, path.join(instance.packageFolder, 'dist'), { recursive: true });
	cpSync(path.join(dist, '..', 'package.json'), path.join(instance.packageFolder, 'package.json'));
}

async function accessToken(baseUrl: string, client: (typeof CLIENTS)[number]): Promise<string> {
	const response = await fetch(`${baseUrl}/oauth/access_token`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret }).toString(),
	});
	return ((await response.json()) as { access_token: string }).access_token;
}

const pairsFrom = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ cartId: `cart-${from + i}`, customerId: `cust-${from + i}` }));

/** Two cold n8n processes, each removing 600 customers from one store with `build`. */
export async function twoColdN8nProcesses(install: N8nInstall, build: Build, limit: number, window: RateWindow, staggerMs = 0): Promise<TwoProcessFigures> {
	const emulator = new RemoteEmulator();
	const baseUrl = await emulator.start({ latencyMs: 40, rateLimit: limit, rateWindow: window, clients: CLIENTS, seed: 7 }, 2 * ITEMS_PER_PROCESS);
	const instances = CLIENTS.map(() => new N8nInstance(install));
	try {
		await Promise.all(
			instances.map(async (instance, k) => {
				const client = CLIENTS[k];
				if (build.removal === 'node') {
					installBuild(instance, build.dist);
					const data = { region: 'custom', baseUrl, authType: 'clientCredentials', ...client, rateLimit: build.rateLimit ?? 'learn' };
					await instance.importJson('credentials', [{ ...NODE_CREDENTIAL, type: 'elasticPathApi', data }]);
				}
				const peer = { baseUrl, accessToken: build.removal === 'httpRequest' ? await accessToken(baseUrl, client) : '' };
				await instance.importJson('workflow', removalWorkflow(WORKFLOW_ID, pairsFrom(1 + k * ITEMS_PER_PROCESS, ITEMS_PER_PROCESS), build.removal, peer));
			}),
		);
		// Real processes started together meet the store seconds apart: their boots differ.
		const executions = await Promise.all(
			instances.map(async (instance, k) => {
				if (k > 0 && staggerMs > 0) await new Promise((resolve) => setTimeout(resolve, staggerMs));
				return await instance.execute(WORKFLOW_ID, 300);
			}),
		);
		let failed = 0;
		let lost = 0;
		for (const execution of executions) {
			const out = nodeOutput(execution, 'Remove');
			const failedHere = out.filter((item) => item.error !== undefined).length;
			failed += failedHere;
			lost += ITEMS_PER_PROCESS - (out.length - failedHere);
			if (!execution.run) process.stderr.write(`n8n execute printed no run:\n${execution.result.stdout.slice(-2000)}\n${execution.result.stderr.slice(-2000)}\n`);
		}
		const traffic = await emulator.traffic();
		return { label: `${build.label}${staggerMs ? `, B ${staggerMs / 1000} s later` : ''}`, ...twoClientFigures(traffic, CLIENTS.map((c) => c.clientId), limit), failed, lost };
	} finally {
		await emulator.stop();
		for (const instance of instances) instance.remove();
	}
}
