/* eslint-disable @n8n/community-nodes/no-restricted-imports -- the end-to-end test drives n8n processes from plain Node.js */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { DEFAULT_CLIENT, EpccEmulator } from '../../testkit/emulator/EpccEmulator';
import { DEMO_ABANDONED, DEMO_ASSOCIATIONS, DEMO_ITEMS, DEMO_LEFT, DEMO_UNLISTED, seedDemoStore } from '../../testkit/emulator/demoStore';
import { documented } from '../../testkit/emulator/jsonapi';
import { ScriptedChatModel, textOf } from '../../testkit/chatModel/scriptedChatModel';
import { SmtpCatcher, smtpCredential } from '../../testkit/mail/smtpCatcher';
import { installN8n, N8nInstance, nodeOutput, packageNodeTypes, packPackage, runStatus } from '../../testkit/n8n/n8nProcess';
import { N8nServer } from '../../testkit/n8n/n8nServer';
import type { Template } from '../../testkit/n8n/templates';
import {
	ELASTIC_PATH_TYPES,
	elasticPathCredential,
	forImport,
	loadTemplate,
	loadTemplates,
	nodeByType,
	nodeTypesOf,
	runsFromCli,
	runsOn,
	SAVED_VERSION_1,
	TEMPLATE_CREDENTIAL,
	TEMPLATE_MINIMUM_N8N,
	templateWorkflowId,
} from '../../testkit/n8n/templates';
import { AGENT_PROMPT, AGENT_WEBHOOK_ID, agentScript, CART_QUESTION, openAiCredential, publicChatVariant } from './agentChat';
import { N8N_VERSION } from './version';

const templates = loadTemplates().filter((template) => runsOn(template, N8N_VERSION));
/** The same templates as users saved them with version 1 of the node, imported under IDs of their own. */
const savedVersion1 = loadTemplates(SAVED_VERSION_1).filter((template) => runsOn(template, N8N_VERSION));
const V1 = 'v1';
const cleanup = loadTemplate('nightly-cart-cleanup.json');
const webhook = loadTemplate('logout-webhook.json');
const agent = loadTemplate('ai-agent-cart-assistant.json');
const reminder = loadTemplate('remind-then-clean-up.json');
const STOREFRONT_SECRET = randomBytes(16).toString('hex');

/** Every template in examples/ goes through here: each imports, and each that can run here runs. */
describe(`the example templates in a real n8n ${N8N_VERSION}`, () => {
	const emulator = new EpccEmulator();
	const model = new ScriptedChatModel(agentScript);
	const mail = new SmtpCatcher();
	const agentRuns = runsOn(agent, N8N_VERSION);
	let n8n: N8nInstance;

	beforeAll(async () => {
		const [install, tarball] = await Promise.all([
			installN8n(N8N_VERSION),
			packPackage(mkdtempSync(path.join(tmpdir(), 'epcc-pack-'))),
			emulator.start(),
			model.start(),
			mail.start(),
		]);
		n8n = new N8nInstance(install);
		await n8n.installPackage(tarball);
		await n8n.importJson('credentials', [
			elasticPathCredential({ baseUrl: emulator.baseUrl, ...DEFAULT_CLIENT }),
			{ ...nodeByType(webhook.workflow, 'n8n-nodes-base.webhook').credentials!.httpHeaderAuth, type: 'httpHeaderAuth', data: { name: 'X-Storefront-Secret', value: STOREFRONT_SECRET } },
			...(agentRuns ? [openAiCredential(agent, model.baseUrl)] : []),
			smtpCredential(nodeByType(reminder.workflow, 'n8n-nodes-base.emailSend').credentials!.smtp, mail.port),
		]);
		for (const template of templates) await n8n.importJson('workflow', forImport(template));
		for (const template of savedVersion1) await n8n.importJson('workflow', forImport(template, V1));
	});

	afterAll(async () => {
		await model.stop();
		await mail.stop();
		await emulator.stop();
		n8n?.remove();
	});

	beforeEach(() => {
		emulator.log.length = 0;
		emulator.state.carts.clear();
		seedDemoStore(emulator.state);
		mail.mails.length = 0;
		model.requests.length = 0;
	});

	it('has templates, each with sticky notes and the Elastic Path node', () => {
		expect(templates.length).toBeGreaterThanOrEqual(3);
		for (const { workflow } of templates) {
			expect(workflow.nodes.some((n) => n.type === 'n8n-nodes-base.stickyNote')).toBe(true);
			expect(workflow.nodes.some((n) => ELASTIC_PATH_TYPES.includes(n.type))).toBe(true);
		}
	});

	// A Schedule Trigger cannot start `n8n execute` (it starts at a Manual Trigger on both lines), so
	// templates that run on a schedule ship with a Manual Trigger beside it, as n8n's own templates
	// do for trying a workflow by hand: the test then runs the file exactly as users import it.
	describe.each(templates.filter((t) => runsFromCli(t.workflow)))('$file, run with n8n execute', (template: Template) => {
		it('finishes, and each Elastic Path node called the emulator', async () => {
			const execution = await n8n.execute(templateWorkflowId(template.file));

			expect(runStatus(execution)).toBe('success');
			for (const node of template.workflow.nodes.filter((n) => ELASTIC_PATH_TYPES.includes(n.type))) {
				expect(nodeOutput(execution, node.name).length).toBeGreaterThan(0);
			}
			expect(emulator.apiRequests().length).toBeGreaterThan(0);
		});
	});

	it('nightly cleanup: removes each listed association, reports the missing cart, leaves other carts alone', async () => {
		const execution = await n8n.execute(templateWorkflowId(cleanup.file));

		expect(runStatus(execution)).toBe('success');
		expect(nodeOutput(execution, 'Remove customer from cart')).toEqual([
			...DEMO_ASSOCIATIONS.map((pair) => ({ ...pair, success: true, removed: true })),
			expect.objectContaining({ cartId: 'demo-cart-1004', customerId: 'demo-customer-margaret', httpCode: '404', error: 'Elastic Path answered 404: Not Found: Cart not found' }),
		]);
		expect(emulator.apiRequests().map((r) => [r.method, r.path, JSON.parse(r.body)])).toEqual(
			['demo-cart-1001', 'demo-cart-1002', 'demo-cart-1003', 'demo-cart-1004'].map((cartId, i) => [
				'DELETE',
				`/v2/carts/${cartId}/relationships/customers`,
				{ data: [{ type: 'customer', id: ['demo-customer-ada', 'demo-customer-grace', 'demo-customer-linus', 'demo-customer-margaret'][i] }] },
			]),
		);
		for (const { cartId } of DEMO_ASSOCIATIONS) expect(emulator.state.carts.get(cartId)!.customers.size).toBe(0);
		expect([...emulator.state.carts.get(DEMO_UNLISTED.cartId)!.customers]).toEqual([DEMO_UNLISTED.customerId]);
	});

	it('remind, then clean up: reminds the demo customer who left a cart and has not ordered since, and deletes the abandoned cart', async () => {
		const execution = await n8n.execute(templateWorkflowId(reminder.file));

		expect(runStatus(execution)).toBe('success');
		const [margaret, grace] = DEMO_LEFT;
		expect(nodeOutput(execution, 'Carts Left 1 to 2 Days Ago').map((item) => [item.cartId, item.customerId])).toEqual(DEMO_LEFT.map((left) => [left.cartId, left.customerId]));
		expect(nodeOutput(execution, 'Orders of the Last 2 Days').map((order) => order.customerId)).toEqual([grace.customerId]);
		expect(mail.mails.map((m) => m.to)).toEqual([['margaret@example.com']]);
		for (const { name, quantity } of margaret.items) expect(mail.mails[0].text).toContain(`- ${quantity} x ${name}: `);
		expect(nodeOutput(execution, 'Detach Customers and Delete')).toEqual([
			{ cartId: DEMO_ABANDONED.cartId, success: true, detachedCustomers: [DEMO_ABANDONED.customerId], detachedAccounts: [], deleted: true },
		]);
		expect(emulator.state.carts.has(DEMO_ABANDONED.cartId)).toBe(false);
	});

	describe('saved with version 1 of the node', () => {
		it('are the templates of before version 2: every Elastic Path node at version 1, IDs as plain strings', () => {
			const nodes = savedVersion1.flatMap((t) => t.workflow.nodes.filter((n) => ELASTIC_PATH_TYPES.includes(n.type)));
			expect(nodes.length).toBeGreaterThan(0);
			for (const node of nodes) {
				expect(node.typeVersion).toBe(1);
				expect(JSON.stringify(node.parameters)).not.toContain('__rl');
			}
		});

		it.each(savedVersion1.filter((t) => runsFromCli(t.workflow)))('$file runs unchanged with n8n execute', async (template: Template) => {
			const execution = await n8n.execute(templateWorkflowId(template.file, V1));

			expect(runStatus(execution)).toBe('success');
			for (const node of template.workflow.nodes.filter((n) => ELASTIC_PATH_TYPES.includes(n.type))) {
				expect(nodeOutput(execution, node.name).length).toBeGreaterThan(0);
			}
		});

		it('nightly cleanup: the same removals, with version 1\'s outputs', async () => {
			const execution = await n8n.execute(templateWorkflowId(cleanup.file, V1));

			expect(runStatus(execution)).toBe('success');
			expect(nodeOutput(execution, 'Remove customer from cart')).toEqual([
				...DEMO_ASSOCIATIONS.map((pair) => ({ ...pair, success: true })),
				expect.objectContaining({ cartId: 'demo-cart-1004', customerId: 'demo-customer-margaret', httpCode: '404' }),
			]);
			for (const { cartId } of DEMO_ASSOCIATIONS) expect(emulator.state.carts.get(cartId)!.customers.size).toBe(0);
			expect([...emulator.state.carts.get(DEMO_UNLISTED.cartId)!.customers]).toEqual([DEMO_UNLISTED.customerId]);
		});
	});

	describe('in the running editor', () => {
		let server: N8nServer;

		beforeAll(async () => {
			// The webhook template is tested through its real production webhook rather than a copy
			// with a Manual Trigger: reading the request, refusing a caller without the secret and the
			// answer the storefront gets are what users rely on.
			await n8n.activate(templateWorkflowId(webhook.file));
			if (agentRuns) {
				await n8n.importJson('workflow', publicChatVariant(agent, templateWorkflowId(agent.file, 'ag')));
				await n8n.activate(templateWorkflowId(agent.file, 'ag'));
			}
			server = await N8nServer.start(n8n);
			await server.signIn();
		});

		afterAll(async () => {
			await server?.stop();
		});

		it.each([...templates.map((t) => ({ ...t, prefix: 'ex' })), ...savedVersion1.map((t) => ({ ...t, prefix: V1 }))])('$prefix $file is in n8n, and n8n knows every node type in it', async (template: Template & { prefix: string }) => {
			const stored = await server.request('GET', `/rest/workflows/${templateWorkflowId(template.file, template.prefix)}`);
			expect(stored.status).toBe(200);
			const { data } = stored.json() as { data: { name: string; nodes: Array<{ name: string }> } };
			expect(data.name).toBe(template.workflow.name);
			expect(data.nodes.map((n) => n.name).sort()).toEqual(template.workflow.nodes.map((n) => n.name).sort());

			const wanted = nodeTypesOf(template.workflow);
			const known = await server.nodeTypes(wanted);
			expect(wanted.filter((type) => !known.has(type))).toEqual([]);
		});

		it('offers the package\'s node types, the agent tool only where the host handles it apart from the node (n8n 1.85 on)', async () => {
			const known = await server.nodeTypes(packageNodeTypes(N8N_VERSION));
			expect([...known].filter((type) => type.startsWith('n8n-nodes-elasticpath.')).sort()).toEqual(packageNodeTypes(N8N_VERSION).sort());
		});

		// Where the agent template cannot run, say so with evidence rather than skip: the host lacks a node it needs.
		if (!agentRuns) {
			it(`AI agent: kept off this n8n, which lacks nodes the template needs (${TEMPLATE_MINIMUM_N8N[agent.file].why})`, async () => {
				const wanted = nodeTypesOf(agent.workflow);
				const known = await server.nodeTypes(wanted);
				expect(wanted.filter((type) => !known.has(type)).length).toBeGreaterThan(0);
			});
		}

		if (agentRuns) it('AI agent: its Elastic Path tools are the node as n8n derives it for agents (usableAsTool)', async () => {
			const tools = agent.workflow.nodes.filter((n) => n.type === 'n8n-nodes-elasticpath.elasticPathTool');
			expect(tools.map((t) => `${String(t.parameters.resource)} ${String(t.parameters.operation)}`).sort()).toEqual(['cart getAll', 'customerCartAssociation create', 'customerCartAssociation delete']);
			expect(tools.map((t) => t.typeVersion)).toEqual([2, 2, 2]);
			const known = await server.nodeTypes(['n8n-nodes-elasticpath.elasticPathTool@1', 'n8n-nodes-elasticpath.elasticPathTool@2']);
			expect([known.has('n8n-nodes-elasticpath.elasticPathTool@1'), known.has('n8n-nodes-elasticpath.elasticPathTool@2')]).toEqual([true, true]);
		});

		/** What the editor asks when a locator's "From List" opens or its search box changes. */
		const listSearch = async (methodName: string, path: string, filter?: string) => {
			const answer = await server.request('POST', '/rest/dynamic-node-parameters/resource-locator-results', {
				nodeTypeAndVersion: { name: 'n8n-nodes-elasticpath.elasticPath', version: 2 },
				methodName,
				path,
				filter,
				currentNodeParameters: {
					resource: 'customerCartAssociation',
					operation: 'delete',
					cartId: { __rl: true, mode: 'list', value: '' },
					customerId: { __rl: true, mode: 'list', value: '' },
				},
				credentials: { elasticPathApi: TEMPLATE_CREDENTIAL },
			});
			expect(answer.status).toBe(200);
			return (answer.json() as { data: { results: Array<{ name: string; value: string }>; paginationToken?: unknown } }).data;
		};

		it('list search through the editor\'s REST endpoint: carts newest first, customers by email or name', async () => {
			const carts = await listSearch('searchCarts', 'cartId');
			const byName = await listSearch('searchCustomers', 'customerId', 'grace');
			const byEmail = await listSearch('searchCustomers', 'customerId', 'ada@');

			// The stale cart, updated ten days ago, comes last.
			expect(carts.results.map((r) => r.value)).toEqual([
				...DEMO_ASSOCIATIONS.map((p) => p.cartId),
				DEMO_UNLISTED.cartId,
				'demo-cart-3001',
				...DEMO_LEFT.map((left) => left.cartId),
				'demo-cart-0042',
				DEMO_ABANDONED.cartId,
			]);
			expect(carts.results[0].name).toMatch(/^Cart demo-cart-1001 · demo-cart-1001 · updated \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
			expect(byName.results).toEqual([{ name: 'Grace Hopper <grace@example.com>', value: 'demo-customer-grace' }]);
			expect(byEmail.results).toEqual([{ name: 'Ada Lovelace <ada@example.com>', value: 'demo-customer-ada' }]);
			expect(emulator.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v2/carts', 'GET /v2/customers', 'GET /v2/customers', 'GET /v2/customers']);
		});

		if (agentRuns) it('AI agent: a chat message makes the agent remove exactly that association, and the model gets the result', async () => {
			const answer = await fetch(`${server.baseUrl}/webhook/${AGENT_WEBHOOK_ID}/chat`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ action: 'sendMessage', sessionId: 'e2e-session', chatInput: AGENT_PROMPT }),
			});
			const text = await answer.text();

			expect([answer.status, text]).toEqual([200, expect.stringContaining('Done: ')]);
			expect(emulator.apiRequests().map((r) => [r.method, r.path, JSON.parse(r.body)])).toEqual([
				['DELETE', '/v2/carts/demo-cart-1001/relationships/customers', { data: [{ type: 'customer', id: 'demo-customer-ada' }] }],
			]);
			expect(emulator.state.carts.get('demo-cart-1001')!.customers.size).toBe(0);
			expect([...emulator.state.carts.get(DEMO_UNLISTED.cartId)!.customers]).toEqual([DEMO_UNLISTED.customerId]);

			// The model was offered both tools, with the template's descriptions, then got the removal's result.
			expect(model.requests).toHaveLength(2);
			const offered = model.requests[0].tools?.map((t) => t.function.name).sort();
			expect(offered).toEqual(['Add_customer_to_cart', 'Carts_of_a_customer', 'Remove_customer_from_cart']);
			const toolMessage = model.requests[1].messages.find((m) => m.role === 'tool');
			const result = textOf(toolMessage);
			for (const field of ['"cartId":"demo-cart-1001"', '"customerId":"demo-customer-ada"', '"success":true', '"removed":true']) {
				expect(result.replace(/\s/g, '')).toContain(field);
			}
			expect(text).toContain('demo-cart-1001');
		});

		if (agentRuns) it('AI agent: answers "what is in the cart of ada@example.com?" from the carts tool, reading and changing nothing else', async () => {
			const answer = await fetch(`${server.baseUrl}/webhook/${AGENT_WEBHOOK_ID}/chat`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify({ action: 'sendMessage', sessionId: 'e2e-cart-question', chatInput: CART_QUESTION }),
			});
			const text = await answer.text();

			expect(answer.status).toBe(200);
			for (const { name } of [DEMO_ITEMS.tea, DEMO_ITEMS.teapot]) expect(text).toContain(name);
			// The two carts' items are read side by side: in either order.
			expect(emulator.apiRequests().map((r) => `${r.method} ${decodeURIComponent(r.path)}${r.path === '/v2/customers' ? ` ${new URLSearchParams(r.query).get('filter')}` : ''}`).sort()).toEqual([
				'GET /v2/carts',
				'GET /v2/carts/demo-cart-1001/items',
				'GET /v2/carts/demo-cart-2001/items',
				'GET /v2/customers eq(email,ada@example.com)',
			]);
			// The model called the carts tool with the email (looked up above), then got both of Ada's carts, simplified, with their items.
			expect(model.requests).toHaveLength(2);
			const result = textOf(model.requests[1].messages.find((m) => m.role === 'tool')).replace(/\s/g, '');
			for (const field of ['"cartId":"demo-cart-1001"', '"cartId":"demo-cart-2001"', '"sku":"tea-green-100g"', '"quantity":2', '"formatted":"$49.00"']) expect(result).toContain(field);
			expect(result).not.toContain('"relationships"');
		});

		const logout = async (body: unknown, secret?: string) => {
			const response = await fetch(`${server.baseUrl}/webhook/elastic-path/logout`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', ...(secret ? { 'X-Storefront-Secret': secret } : {}) },
				body: JSON.stringify(body),
			});
			return { status: response.status, text: await response.text() };
		};

		it('logout webhook: detaches the customer and answers 200', async () => {
			const answer = await logout(DEMO_ASSOCIATIONS[0], STOREFRONT_SECRET);

			expect(answer.status).toBe(200);
			expect(JSON.parse(answer.text)).toEqual({ ...DEMO_ASSOCIATIONS[0], success: true, removed: true });
			expect(emulator.apiRequests().map((r) => [r.method, r.path])).toEqual([['DELETE', '/v2/carts/demo-cart-1001/relationships/customers']]);
			expect(emulator.state.carts.get('demo-cart-1001')!.customers.size).toBe(0);
		});

		it('logout webhook: a cart already gone still answers 200, marked notFound', async () => {
			const answer = await logout({ cartId: 'demo-cart-gone', customerId: 'demo-customer-ada' }, STOREFRONT_SECRET);

			expect(answer.status).toBe(200);
			expect(JSON.parse(answer.text)).toEqual({ cartId: 'demo-cart-gone', customerId: 'demo-customer-ada', success: true, removed: true, notFound: true });
		});

		it('logout webhook: an Elastic Path refusal leaves through the error output and answers 502 with what Elastic Path said', async () => {
			emulator.failNext({ kind: 'answer', answer: documented.noPermission('Customer') });

			const answer = await logout(DEMO_ASSOCIATIONS[1], STOREFRONT_SECRET);

			expect(answer.status).toBe(502);
			expect(JSON.parse(answer.text)).toEqual({
				...DEMO_ASSOCIATIONS[1],
				success: false,
				httpCode: '403',
				error: 'Elastic Path answered 403: Customer does not have the required permissions to fulfill this request',
			});
			// The failed item carries the request's headers; the answer names its fields and leaves the secret out.
			expect(answer.text).not.toContain(STOREFRONT_SECRET);
			expect(emulator.state.carts.get('demo-cart-1002')!.customers.size).toBe(1);
		});

		it('logout webhook: refuses a caller without the secret and touches nothing', async () => {
			const answer = await logout(DEMO_ASSOCIATIONS[1], 'wrong-secret');

			expect(answer.status).toBe(403);
			expect(emulator.log).toHaveLength(0);
			expect(emulator.state.carts.get('demo-cart-1002')!.customers.size).toBe(1);
		});
	});
});
