/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- a command-line script in plain Node.js, with its own errors */
/**
 * `npm run demo`: runs examples/nightly-cart-cleanup.json in a real, headless n8n against the
 * bundled Elastic Path emulator (or a real store, given EPCC_BASE_URL, EPCC_CLIENT_ID and
 * EPCC_CLIENT_SECRET) and says what happened.
 */
import { existsSync, readFileSync } from 'node:fs';

import { DEFAULT_CLIENT, EpccEmulator, isApiRequest } from '../testkit/emulator/EpccEmulator';
import { DEMO_UNLISTED, seedDemoStore } from '../testkit/emulator/demoStore';
import type { Execution } from '../testkit/n8n/n8nProcess';
import { DEFAULT_N8N_VERSION, installN8n, N8nInstance, nodeOutput } from '../testkit/n8n/n8nProcess';
import type { Workflow } from '../testkit/n8n/templates';
import { elasticPathCredential, loadTemplate, nodeByType, templateWorkflowId } from '../testkit/n8n/templates';

const TEMPLATE = 'nightly-cart-cleanup.json';
const STORE_VARIABLES = ['EPCC_BASE_URL', 'EPCC_CLIENT_ID', 'EPCC_CLIENT_SECRET'] as const;

interface Pair {
	cartId: string;
	customerId: string;
}

interface Store {
	real: boolean;
	baseUrl: string;
	clientId: string;
	clientSecret: string;
}

class DemoError extends Error {}

/** A real store when all three variables are set; none set means the emulator; some set is a mistake. */
function realStoreFromEnv(): Store | undefined {
	const missing = STORE_VARIABLES.filter((name) => !process.env[name]);
	if (missing.length === STORE_VARIABLES.length) return undefined;
	if (missing.length) {
		throw new DemoError(`To run against a real store set all of ${STORE_VARIABLES.join(', ')} (missing: ${missing.join(', ')}).`);
	}
	return {
		real: true,
		baseUrl: process.env.EPCC_BASE_URL!.replace(/\/+$/, ''),
		clientId: process.env.EPCC_CLIENT_ID!,
		clientSecret: process.env.EPCC_CLIENT_SECRET!,
	};
}

/** EPCC_PAIRS: a JSON array of {cartId, customerId}, or the path of a file holding one. */
function pairsFromEnv(): Pair[] | undefined {
	const value = process.env.EPCC_PAIRS?.trim();
	if (!value) return undefined;
	const text = value.startsWith('[') ? value : existsSync(value) ? readFileSync(value, 'utf8') : undefined;
	if (text === undefined) throw new DemoError(`EPCC_PAIRS is neither a JSON array nor a file: ${value}`);
	let pairs: unknown;
	try {
		pairs = JSON.parse(text);
	} catch (error) {
		throw new DemoError(`EPCC_PAIRS is not valid JSON: ${(error as Error).message}`);
	}
	const valid = (p: unknown): p is Pair =>
		typeof (p as Pair)?.cartId === 'string' && typeof (p as Pair)?.customerId === 'string';
	if (!Array.isArray(pairs) || !pairs.length || !pairs.every(valid)) {
		throw new DemoError('EPCC_PAIRS must be a non-empty JSON array of {"cartId": "...", "customerId": "..."}');
	}
	return pairs.map(({ cartId, customerId }) => ({ cartId, customerId }));
}

const LIST_NODE = 'n8n-nodes-base.set';

function samplePairs(workflow: Workflow): Pair[] {
	return (JSON.parse(nodeByType(workflow, LIST_NODE).parameters.jsonOutput as string) as { pairs: Pair[] }).pairs;
}

function withPairs(workflow: Workflow, pairs: Pair[]): Workflow {
	const copy = JSON.parse(JSON.stringify(workflow)) as Workflow;
	nodeByType(copy, LIST_NODE).parameters.jsonOutput = JSON.stringify({ pairs }, null, 2);
	return copy;
}

function warnLoudly(store: Store, pairs: Pair[], fromEnv: boolean): void {
	const bar = '!'.repeat(78);
	console.log(`\n${bar}`);
	console.log(`!!  REAL STORE: this demo will call ${store.baseUrl}`);
	console.log(`!!  with client ID ${store.clientId} and REMOVE these customer-cart associations:`);
	for (const p of pairs) console.log(`!!    cart ${p.cartId}  <-  customer ${p.customerId}`);
	if (!fromEnv) {
		console.log("!!  (EPCC_PAIRS is not set: these are the template's sample IDs, which a real store");
		console.log("!!  should not have; expect 'not found' answers and no change.)");
	}
	console.log(bar);
}

async function countdown(seconds: number): Promise<void> {
	// Only a person at a terminal can change their mind; CI and tests have no one to wait for.
	if (!process.stdout.isTTY || seconds <= 0) return;
	for (let s = seconds; s > 0; s--) {
		process.stdout.write(`\rStarting in ${s} s, Ctrl+C to stop... `);
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
	process.stdout.write('\n');
}

function describeOutcome(execution: Execution, nodeName: string, pairs: Pair[]): boolean {
	const items = nodeOutput(execution, nodeName);
	const runError = execution.run?.data.resultData.error?.message;
	if (!execution.run || (execution.run.status !== 'success' && !items.length)) {
		console.log(`\nThe workflow did not finish: ${runError ?? 'n8n printed no result'}`);
		const printed = `${execution.result.stdout}\n${execution.result.stderr}`.trim().split('\n').slice(-15).join('\n');
		if (!runError) console.log(printed);
		return false;
	}
	const removed = items.filter((item) => item.success === true);
	const failed = items.filter((item) => item.error !== undefined);
	console.log(`\nRemoved ${removed.length} of ${pairs.length} customer-cart associations:`);
	for (const item of removed) {
		console.log(`  removed  cart ${item.cartId}  <-  customer ${item.customerId}${item.notFound ? ' (already gone: 404 counted as success)' : ''}`);
	}
	if (failed.length) {
		console.log(`${failed.length} failed, and the others went on (On Error: Continue):`);
		for (const item of failed) {
			console.log(`  FAILED   cart ${item.cartId}  <-  customer ${item.customerId}: ${item.error}${item.httpCode ? ` [HTTP ${item.httpCode}]` : ''}`);
			if (item.errorDescription) console.log(`           ${item.errorDescription}`);
		}
	}
	return true;
}

function describeEmulator(emulator: EpccEmulator, pairs: Pair[]): void {
	const api = emulator.log.filter(isApiRequest);
	const tokens = emulator.log.length - api.length;
	console.log(`\nWhat the emulator received: ${tokens} access-token request(s), then ${api.length} API request(s):`);
	for (const r of api) console.log(`  ${r.method} ${r.path} -> ${r.status}`);
	const still = (cartId: string) => [...(emulator.state.carts.get(cartId)?.customers ?? [])];
	console.log('Carts now:');
	for (const { cartId } of [...pairs, DEMO_UNLISTED]) {
		const cart = emulator.state.carts.get(cartId);
		const customers = still(cartId);
		const state = !cart ? 'does not exist' : customers.length ? `holds ${customers.join(', ')}` : 'holds no customer';
		console.log(`  ${cartId} ${state}${cartId === DEMO_UNLISTED.cartId ? ' (not in the list: left alone)' : ''}`);
	}
}

async function main(): Promise<number> {
	const started = Date.now();
	const version = process.env.N8N_VERSION ?? DEFAULT_N8N_VERSION;
	const template = loadTemplate(TEMPLATE);
	const realStore = realStoreFromEnv();
	const givenPairs = pairsFromEnv();
	const pairs = givenPairs ?? samplePairs(template.workflow);

	let emulator: EpccEmulator | undefined;
	let store: Store;
	if (realStore) {
		store = realStore;
		warnLoudly(store, pairs, givenPairs !== undefined);
		await countdown(10);
	} else {
		emulator = new EpccEmulator();
		const baseUrl = await emulator.start();
		seedDemoStore(emulator.state);
		store = { real: false, baseUrl, ...DEFAULT_CLIENT };
		console.log(`Elastic Path emulator on ${baseUrl}: ${emulator.state.carts.size} carts, some with a customer (set EPCC_BASE_URL, EPCC_CLIENT_ID and EPCC_CLIENT_SECRET to use a real store).`);
	}

	console.log(`Getting n8n ${version} ready (installed into ~/.cache/n8n-nodes-elasticpath on first use only: about 10 minutes on a 2-core machine, then seconds)...`);
	const n8n = new N8nInstance(await installN8n(version, { showProgress: true }));
	try {
		n8n.installBuild();
		await n8n.importJson('credentials', [elasticPathCredential(store)]);
		const workflow = { ...withPairs(template.workflow, pairs), id: templateWorkflowId(template.file) };
		await n8n.importJson('workflow', workflow);
		const nodeName = nodeByType(template.workflow, 'n8n-nodes-elasticpath.elasticPath').name;
		console.log(`Running "${template.workflow.name}" (examples/${TEMPLATE}) with \`n8n execute\` in a throw-away n8n folder...`);
		const execution = await n8n.execute(workflow.id);
		const ran = describeOutcome(execution, nodeName, pairs);
		if (emulator) describeEmulator(emulator, pairs);
		console.log(`\n${ran ? 'Demo finished' : 'Demo failed'} in ${((Date.now() - started) / 1000).toFixed(1)} s (n8n ${version}, ${store.real ? `real store ${store.baseUrl}` : 'emulator'}).`);
		return ran ? 0 : 1;
	} finally {
		n8n.remove();
		await emulator?.stop();
	}
}

main().then(
	(code) => (process.exitCode = code),
	(error: Error) => {
		console.error(error instanceof DemoError ? error.message : error);
		process.exitCode = 1;
	},
);
