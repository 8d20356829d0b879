/* eslint-disable @n8n/community-nodes/no-restricted-imports -- the end-to-end test runs the project's commands from plain Node.js */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { EpccEmulator } from '../../testkit/emulator/EpccEmulator';
import { freePort, installN8n, packageNodeTypes, REPO, run } from '../../testkit/n8n/n8nProcess';
import { N8N_VERSION } from './version';

/** The README's commands, compiled into build/ by `npm run build:tools` (test:e2e runs it first). */
const script = (name: string) => path.join(REPO, 'build', 'scripts', `${name}.js`);

describe(`npm run demo and npm run dev on n8n ${N8N_VERSION}`, () => {
	beforeAll(async () => {
		await installN8n(N8N_VERSION);
	});

	it('demo: runs the cleanup template against the emulator and says what happened', async () => {
		const result = await run('node', [script('demo')], { env: { N8N_VERSION, EPCC_BASE_URL: '', EPCC_CLIENT_ID: '', EPCC_CLIENT_SECRET: '' } });

		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('Removed 3 of 4 customer-cart associations:');
		expect(result.stdout).toContain('removed  cart demo-cart-1001  <-  customer demo-customer-ada');
		expect(result.stdout).toContain('FAILED   cart demo-cart-1004  <-  customer demo-customer-margaret: Elastic Path answered 404: Not Found: Cart not found [HTTP 404]');
		expect(result.stdout).toContain('demo-cart-2001 holds demo-customer-ada (not in the list: left alone)');
		expect(result.stdout).not.toContain('REAL STORE');
	});

	describe('demo against a real store (the emulator posing as one)', () => {
		const client = { clientId: 'store-client-id', clientSecret: randomBytes(12).toString('hex') };
		const store = new EpccEmulator({ clients: [client] });
		const storeEnv = () => ({ N8N_VERSION, EPCC_BASE_URL: `${store.baseUrl}/`, EPCC_CLIENT_ID: client.clientId, EPCC_CLIENT_SECRET: client.clientSecret });

		beforeAll(async () => {
			await store.start();
		});

		afterAll(async () => {
			await store.stop();
		});

		beforeEach(() => {
			store.log.length = 0;
		});

		it('warns loudly first, then removes exactly the pairs given in EPCC_PAIRS, and never prints the secret', async () => {
			store.state.addCart('store-cart-a', { customers: ['store-customer-a'] });
			store.state.addCart('store-cart-b', { customers: ['store-customer-b', 'store-customer-c'] });
			const pairsFile = path.join(mkdtempSync(path.join(tmpdir(), 'epcc-pairs-')), 'pairs.json');
			writeFileSync(pairsFile, JSON.stringify([
				{ cartId: 'store-cart-a', customerId: 'store-customer-a' },
				{ cartId: 'store-cart-b', customerId: 'store-customer-b' },
			]));

			const result = await run('node', [script('demo')], { env: { ...storeEnv(), EPCC_PAIRS: pairsFile } });

			expect(result.code).toBe(0);
			const warning = result.stdout.indexOf(`REAL STORE: this demo will call ${store.baseUrl}`);
			expect(warning).toBeGreaterThanOrEqual(0);
			expect(warning).toBeLessThan(result.stdout.indexOf('Running "Elastic Path: nightly cart cleanup"'));
			expect(result.stdout).toContain('cart store-cart-b  <-  customer store-customer-b');
			expect(result.stdout).toContain('Removed 2 of 2 customer-cart associations:');
			expect(result.stdout).not.toContain('emulator received');
			expect(result.stdout + result.stderr).not.toContain(client.clientSecret);
			expect(store.apiRequests().map((r) => [r.method, r.path])).toEqual([
				['DELETE', '/v2/carts/store-cart-a/relationships/customers'],
				['DELETE', '/v2/carts/store-cart-b/relationships/customers'],
			]);
			expect(store.state.carts.get('store-cart-a')!.customers.size).toBe(0);
			expect([...store.state.carts.get('store-cart-b')!.customers]).toEqual(['store-customer-c']);
		});

		it("without EPCC_PAIRS, says it uses the template's sample IDs, which the store does not have", async () => {
			const result = await run('node', [script('demo')], { env: { ...storeEnv(), EPCC_PAIRS: '' } });

			expect(result.code).toBe(0);
			expect(result.stdout).toContain("EPCC_PAIRS is not set: these are the template's sample IDs");
			expect(result.stdout).toContain('Removed 0 of 4 customer-cart associations:');
			expect(store.apiRequests().map((r) => r.status)).toEqual([404, 404, 404, 404]);
		});

		it('refuses to start with only some of the store variables set, before calling anything', async () => {
			const result = await run('node', [script('demo')], { env: { ...storeEnv(), EPCC_CLIENT_SECRET: '' } });

			expect(result.code).toBe(1);
			expect(result.stderr).toContain('set all of EPCC_BASE_URL, EPCC_CLIENT_ID, EPCC_CLIENT_SECRET (missing: EPCC_CLIENT_SECRET)');
			expect(store.log).toHaveLength(0);
		});
	});

	it('dev --check: starts the editor with the node loaded and the credential in place, then stops', async () => {
		const port = await freePort();

		const result = await run('node', [script('dev'), '--check'], { env: { N8N_VERSION, N8N_PORT: String(port) } });

		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout).toContain(`Check: the editor answers at http://localhost:${port}/ and n8n knows ${packageNodeTypes(N8N_VERSION).join(' and ')}.`);
		expect(result.stdout).toMatch(/Credential: {2}"Elastic Path account" -> the emulator at http:\/\/127\.0\.0\.1:\d+/);
		expect(result.stdout).toContain('Stopped.');
		await expect(fetch(`http://localhost:${port}/`)).rejects.toThrow();
	});
});
