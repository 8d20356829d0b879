/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- a command-line script in plain Node.js */
/**
 * `npm run screenshot`: photographs the Elastic Path node's and trigger's panels in the real n8n editor for the
 * README (docs/*.png), with headless Chromium from Debian's `chromium` package driven by
 * playwright-core (no browser download). Needs `apt-get install -y chromium`.
 * N8N_VERSION picks the n8n line (default: the newest tested), N8N_PORT the port (default 5678),
 * SCREENSHOTS which pictures to take (file names without .png, comma-separated; default: all).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Page } from 'playwright-core';
import { chromium } from 'playwright-core';

import { N8N_VERSIONS, REPO } from '../testkit/n8n/n8nProcess';
import type { Workbench } from './lib/workbench';
import type { Workflow } from '../testkit/n8n/templates';
import { TEMPLATE_CREDENTIAL } from '../testkit/n8n/templates';
import { startWorkbench } from './lib/workbench';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const DOCS = path.join(REPO, 'docs');
const NODE_NAME = 'Remove customer from cart';
const TRIGGER_NAME = 'On Customer Deleted';

const WANTED = process.env.SCREENSHOTS ? process.env.SCREENSHOTS.split(',').map((name) => `${name.trim()}.png`) : undefined;

const wanted = (file: string) => !WANTED || WANTED.includes(file);

async function shoot(page: Page, file: string): Promise<void> {
	await page.screenshot({ path: path.join(DOCS, file) });
	console.log(`Wrote docs/${file}`);
}

/** The cleanup template on the canvas, then its removal node's panel after a run. */
async function shootCleanup(page: Page, bench: Workbench): Promise<void> {
	const cleanup = bench.templates.find((t) => t.file === 'nightly-cart-cleanup.json')!;
	await page.goto(`${bench.server.baseUrl}/workflow/${cleanup.id}`);
	const node = page.locator(`[data-test-id="canvas-node"][data-node-name="${NODE_NAME}"], [data-name="${NODE_NAME}"]`).first();
	await node.waitFor({ timeout: 60_000 });
	await page.waitForTimeout(1500);
	if (wanted('cleanup-workflow.png')) await shoot(page, 'cleanup-workflow.png');
	if (!wanted('node-panel.png')) return;
	await node.dblclick();
	await page.locator('[data-test-id="ndv"]').waitFor({ timeout: 30_000 });
	await page.locator('[data-test-id="node-execute-button"]').first().click();
	await page.getByText('demo-cart-1004').first().waitFor({ timeout: 60_000 });
	await page.waitForTimeout(1000);
	await shoot(page, 'node-panel.png');
}

/**
 * The trigger's panel while the editor listens on the test URL: n8n creates the integration
 * (the emulator records it), the emulator delivers customer.deleted, and the panel shows the item.
 */
async function shootTrigger(page: Page, bench: Workbench): Promise<void> {
	const template = bench.templates.find((t) => t.file === 'customer-deleted-cleanup.json')!;
	await page.goto(`${bench.server.baseUrl}/workflow/${template.id}`);
	const node = page.locator(`[data-test-id="canvas-node"][data-node-name="${TRIGGER_NAME}"], [data-name="${TRIGGER_NAME}"]`).first();
	await node.waitFor({ timeout: 60_000 });
	await page.waitForTimeout(1500);
	await node.dblclick();
	await page.locator('[data-test-id="ndv"]').waitFor({ timeout: 30_000 });
	await page.locator('[data-test-id="node-execute-button"]').first().click();
	const listening = async () => [...bench.emulator.integrations.byId.values()].some((i) => i.configuration.url.includes('/webhook-test/'));
	for (let waited = 0; !(await listening()); waited += 250) {
		if (waited > 60_000) throw new Error('The editor did not create the test integration');
		await page.waitForTimeout(250);
	}
	await bench.emulator.integrations.deliver('customer.deleted', { type: 'customer', id: 'demo-customer-ada' }, { eventId: 'evt-0001' });
	await page.getByText('demo-customer-ada').first().waitFor({ timeout: 60_000 });
	await page.waitForTimeout(1000);
	await shoot(page, 'trigger-panel.png');
}

const PICKER_WORKFLOW_ID = 'shotCustomerPick';
const PICKER_NODE = 'Remove a customer';

/** A new version 2 node as the editor adds it: the Customer field in "From List" mode, not yet chosen. */
function pickerWorkflow(): Workflow {
	return {
		id: PICKER_WORKFLOW_ID,
		name: 'Elastic Path: pick a customer',
		nodes: [
			{ id: 'p1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {}, position: [0, 0] } as Workflow['nodes'][number],
			{
				id: 'p2',
				name: PICKER_NODE,
				type: 'n8n-nodes-elasticpath.elasticPath',
				typeVersion: 2,
				position: [260, 0],
				parameters: {
					resource: 'customerCartAssociation',
					operation: 'delete',
					cartId: { __rl: true, mode: 'list', value: 'demo-cart-1001', cachedResultName: 'Cart demo-cart-1001' },
					customerId: { __rl: true, mode: 'list', value: '' },
					options: {},
				},
				credentials: { elasticPathApi: TEMPLATE_CREDENTIAL },
			} as Workflow['nodes'][number],
		],
		connections: { Start: { main: [[{ node: PICKER_NODE, type: 'main', index: 0 }]] } },
		active: false,
		settings: {},
	};
}

/** Opens the picker workflow's node and its Customer list: the demo store's customers, by name and email, from the emulator. */
async function openCustomerPicker(page: Page, baseUrl: string): Promise<void> {
	await page.goto(`${baseUrl}/workflow/${PICKER_WORKFLOW_ID}`);
	const node = page.locator(`[data-test-id="canvas-node"][data-node-name="${PICKER_NODE}"], [data-name="${PICKER_NODE}"]`).first();
	await node.waitFor({ timeout: 60_000 });
	await node.dblclick();
	const locator = page.locator('[data-test-id="resource-locator-customerId"]');
	await locator.waitFor({ timeout: 30_000 });
	await locator.locator('input').last().click();
	await page.getByText('Ada Lovelace <ada@example.com>').first().waitFor({ timeout: 30_000 });
	await page.waitForTimeout(800);
}

/** The reminder template on the canvas: its two branches, the Send Email node and the sticky notes. */
async function shootReminder(page: Page, bench: Workbench): Promise<void> {
	const template = bench.templates.find((t) => t.file === 'remind-then-clean-up.json')!;
	await page.goto(`${bench.server.baseUrl}/workflow/${template.id}`);
	await page.locator('[data-test-id="canvas-node"][data-node-name="Send Reminder"], [data-name="Send Reminder"]').first().waitFor({ timeout: 60_000 });
	await page.waitForTimeout(1500);
	// One step out of "zoom to fit", so that the Execute button does not cover the lowest branch.
	await page.locator('[data-test-id="zoom-out-button"]').first().click();
	await page.waitForTimeout(800);
	await shoot(page, 'remind-then-clean-up.png');
}

async function main(): Promise<void> {
	if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
	const version = process.env.N8N_VERSION ?? N8N_VERSIONS[N8N_VERSIONS.length - 1];
	const port = Number(process.env.N8N_PORT ?? 5678);
	const bench = await startWorkbench({ version, port, progress: (line) => console.log(line), extraWorkflows: [pickerWorkflow()] });
	const profile = mkdtempSync(path.join(tmpdir(), 'chromium-profile-'));
	try {
		const context = await chromium.launchPersistentContext(profile, {
			executablePath: CHROMIUM,
			headless: true,
			args: FLAGS,
			viewport: { width: 1440, height: 900 },
		});
		const [name, value] = bench.server.sessionCookie.split('=');
		await context.addCookies([{ name, value, domain: 'localhost', path: '/' }]);
		const page = context.pages()[0] ?? (await context.newPage());
		mkdirSync(DOCS, { recursive: true });
		if (wanted('cleanup-workflow.png') || wanted('node-panel.png')) await shootCleanup(page, bench);
		if (wanted('trigger-panel.png')) await shootTrigger(page, bench);
		if (wanted('customer-locator.png')) {
			await openCustomerPicker(page, bench.server.baseUrl);
			await shoot(page, 'customer-locator.png');
		}
		if (wanted('remind-then-clean-up.png')) await shootReminder(page, bench);
		await context.close();
	} finally {
		rmSync(profile, { recursive: true, force: true });
		await bench.stop();
	}
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exitCode = 1;
});
