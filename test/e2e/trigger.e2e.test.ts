/* eslint-disable @n8n/community-nodes/no-restricted-globals -- the end-to-end test waits and prints from plain Node.js */
import { DEFAULT_CLIENT, EpccEmulator } from '../../testkit/emulator/EpccEmulator';
import type { N8nInstance } from '../../testkit/n8n/n8nProcess';
import { n8nWithPackage } from '../../testkit/n8n/n8nProcess';
import { N8nServer } from '../../testkit/n8n/n8nServer';
import { elasticPathCredential, forImport, loadTemplate, nodeByType, templateWorkflowId, TRIGGER_TYPE } from '../../testkit/n8n/templates';
import { N8N_VERSION } from './version';

const template = loadTemplate('customer-deleted-cleanup.json');
const orderPaid = loadTemplate('order-paid-cart-cleanup.json');
const WORKFLOW_ID = templateWorkflowId(template.file);
const WEBHOOK_ID = nodeByType(template.workflow, TRIGGER_TYPE).webhookId!;

/** The customer-deleted template, active in a real n8n, with Elastic Path (the emulator) delivering events to it. */
describe(`the Elastic Path Trigger in a real n8n ${N8N_VERSION}: the customer-deleted template`, () => {
	const emulator = new EpccEmulator();
	let n8n: N8nInstance;
	let server: N8nServer;

	const integration = () => [...emulator.integrations.byId.values()].find((i) => i.observes.includes('customer.deleted'))!;
	const holds = (cartId: string, customerId: string) => emulator.state.carts.get(cartId)!.customers.has(customerId);
	const removals = (customerId: string) =>
		emulator.apiRequests().filter((r) => r.method === 'DELETE' && r.path.endsWith('/relationships/customers') && r.body.includes(`"${customerId}"`));
	const listings = () => emulator.apiRequests().filter((r) => r.method === 'GET' && r.path === '/v2/carts');

	beforeAll(async () => {
		[n8n] = await Promise.all([n8nWithPackage(N8N_VERSION), emulator.start()]);
		await n8n.importJson('credentials', [elasticPathCredential({ baseUrl: emulator.baseUrl, ...DEFAULT_CLIENT })]);
		await n8n.importJson('workflow', forImport(template));
		await n8n.importJson('workflow', forImport(orderPaid));
		await n8n.activate(WORKFLOW_ID);
		await n8n.activate(templateWorkflowId(orderPaid.file));
		emulator.state.addCart('gone-cart-1', { customers: ['gone-customer'] });
		emulator.state.addCart('gone-cart-2', { customers: ['gone-customer', 'other-customer'] });
		emulator.state.addCart('other-cart', { customers: ['other-customer'] });
		emulator.state.addCart('later-cart', { customers: ['later-customer'] });
		emulator.state.addCart('paid-cart', { customers: ['paying-customer'] });
		emulator.state.addCart('next-cart', { customers: ['paying-customer'] });
		server = await N8nServer.start(n8n);
		await server.signIn();
	});

	afterAll(async () => {
		await server?.stop();
		await emulator.stop();
		n8n?.remove();
	});

	it('activation created one integration per template; the cleanup\'s observes customer.deleted, delivering to the production webhook URL with a secret', async () => {
		await server.until(() => emulator.integrations.byId.size === 2, 'n8n to create the integrations of both templates');

		expect([...emulator.integrations.byId.values()].map((i) => i.observes).sort()).toEqual([['customer.deleted'], ['order.paid']]);
		expect(integration()).toMatchObject({ integrationType: 'webhook', enabled: true, observes: ['customer.deleted'] });
		expect(integration().configuration.url).toBe(`${server.baseUrl}/webhook/${WEBHOOK_ID}/webhook`);
		expect(integration().configuration.secret_key).toMatch(/^[0-9a-f]{64}$/);
	});

	it('a delivery without the right secret is refused with 401 and changes nothing', async () => {
		const [log] = await emulator.integrations.deliver('customer.deleted', { type: 'customer', id: 'gone-customer' }, { secret: 'a-guess' });

		expect(log.statusCode).toBe(401);
		expect(holds('gone-cart-1', 'gone-customer')).toBe(true);
	});

	it('customer.deleted delivered twice: the customer\'s associations are removed once, other customers kept', async () => {
		const [first] = await emulator.integrations.deliver('customer.deleted', { type: 'customer', id: 'gone-customer' }, { eventId: 'evt-gone' });
		expect(first.statusCode).toBe(200);
		expect(JSON.parse(first.answer!)).toEqual({ received: true, started: true });
		await server.until(() => removals('gone-customer').length === 2, 'the associations of gone-customer to be removed');

		const [again] = await emulator.integrations.deliver('customer.deleted', { type: 'customer', id: 'gone-customer' }, { eventId: 'evt-gone', attempt: 2 });
		expect(again.statusCode).toBe(200);
		// This process let the first through: a retry (a later attempt) reaches the execution, which ends at once.
		expect(JSON.parse(again.answer!)).toMatchObject({ received: true });

		// Another event afterwards: once it is handled, a run the repeat had started would have shown too.
		await emulator.integrations.deliver('customer.deleted', { type: 'customer', id: 'later-customer' }, { eventId: 'evt-later' });
		await server.until(() => !holds('later-cart', 'later-customer'), 'the association of later-customer to be removed');

		expect(removals('gone-customer').map((r) => r.path).sort()).toEqual([
			'/v2/carts/gone-cart-1/relationships/customers',
			'/v2/carts/gone-cart-2/relationships/customers',
		]);
		expect(listings()).toHaveLength(2);
		expect(holds('gone-cart-1', 'gone-customer') || holds('gone-cart-2', 'gone-customer')).toBe(false);
		expect(holds('gone-cart-2', 'other-customer') && holds('other-cart', 'other-customer')).toBe(true);
	});

	it('20 events at once, then the same 20 again at once: 20 executions act, the repeats start none', async () => {
		const ids = Array.from({ length: 20 }, (_, n) => `burst-customer-${n + 1}`);
		for (const id of ids) emulator.state.addCart(`${id}-cart`, { customers: [id] });
		const burst = async () =>
			await Promise.all(ids.map(async (id) => (await emulator.integrations.deliver('customer.deleted', { type: 'customer', id }, { eventId: `evt-${id}` }))[0]));
		// The earlier tests' last executions may still be on their way into n8n's list: count from once it holds still.
		let before = -1;
		for (let count = await server.executionCount(WORKFLOW_ID), polls = 0; count !== before && polls < 30; polls++) {
			before = count;
			await new Promise((resolve) => setTimeout(resolve, 2000));
			count = await server.executionCount(WORKFLOW_ID);
		}

		const first = await burst();
		await server.until(() => ids.every((id) => !holds(`${id}-cart`, id)), 'the 20 customers\' associations to be removed');
		await server.until(async () => (await server.executionCount(WORKFLOW_ID)) >= before + 20, 'n8n to record the 20 executions');
		const again = await burst();
		// Anything the repeats had started would show within this.
		await new Promise((resolve) => setTimeout(resolve, 3000));

		expect([...first, ...again].map((log) => log.statusCode)).toEqual(Array(40).fill(200));
		expect(ids.map((id) => removals(id).length)).toEqual(Array(20).fill(1));
		const started = (await server.executionCount(WORKFLOW_ID)) - before;
		process.stdout.write(`n8n ${N8N_VERSION}: 20 events, then the same 20 again, all at once: ${started} executions (goal 20)\n`);
		expect(started).toBe(20);
	});

	it('order-paid template: detaches the paying customer from the cart named in the order, and from no other', async () => {
		const order = {
			type: 'order',
			id: 'order-1',
			status: 'complete',
			payment: 'paid',
			custom_attributes: { cart_id: { type: 'string', value: 'paid-cart' } },
			relationships: { customer: { data: { type: 'customer', id: 'paying-customer' } } },
		};

		const [log] = await emulator.integrations.deliver('order.paid', order, { eventId: 'evt-paid' });

		expect(log.statusCode).toBe(200);
		await server.until(() => !holds('paid-cart', 'paying-customer'), 'the paying customer to be detached');
		expect(holds('next-cart', 'paying-customer')).toBe(true);
	});

	it('the secret appears nowhere in n8n\'s log', () => {
		expect(server.output.length).toBeGreaterThan(0);
		const secrets = [...emulator.integrations.byId.values()].map((i) => i.configuration.secret_key!);
		expect(secrets).toHaveLength(2);
		expect(secrets.filter((secret) => server.output.includes(secret))).toEqual([]);
	});

	it('deactivation deletes the integration', async () => {
		const id = integration().id;

		await server.deactivate(WORKFLOW_ID);

		await server.until(() => !emulator.integrations.byId.has(id), 'n8n to delete the integration');
		expect([...emulator.integrations.byId.values()].map((i) => i.observes)).toEqual([['order.paid']]);
		const deletes = emulator.apiRequests().filter((r) => r.method === 'DELETE' && r.path.startsWith('/v2/integrations/'));
		expect(deletes.map((r) => r.status)).toEqual([200]);
	});
});
