import { DEFAULT_CLIENT, EpccEmulator } from '../../testkit/emulator/EpccEmulator';
import { SmtpCatcher, smtpCredential } from '../../testkit/mail/smtpCatcher';
import type { N8nInstance } from '../../testkit/n8n/n8nProcess';
import { n8nWithPackage, nodeOutput } from '../../testkit/n8n/n8nProcess';
import { elasticPathCredential, forImport, loadTemplate, nodeByType, templateWorkflowId } from '../../testkit/n8n/templates';
import { N8N_VERSION } from './version';

const template = loadTemplate('remind-then-clean-up.json');

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const TEA = { name: 'Green tea', sku: 'tea-01', quantity: 2, unitPrice: 450 };
const POT = { name: 'Teapot', sku: 'pot-01', quantity: 1, unitPrice: 3200 };
const CUPS = { name: 'Tea cup', sku: 'cup-01', quantity: 4, unitPrice: 800 };
const KETTLE = { name: 'Kettle', sku: 'kettle-01', quantity: 1, unitPrice: 2900 };
const MUG = { name: 'Mug', sku: 'mug-01', quantity: 1, unitPrice: 1500 };
const SPOONS = { name: 'Spoon', sku: 'spoon-01', quantity: 6, unitPrice: 300 };

const PEOPLE = ['ada', 'grace', 'linus', 'hedy', 'emmy', 'alan', 'margaret', 'barbara'];
const email = (who: string) => `${who}@example.com`;

describe(`the "Remind, then clean up" template in a real n8n ${N8N_VERSION}`, () => {
	const emulator = new EpccEmulator();
	const mail = new SmtpCatcher();
	let n8n: N8nInstance;

	beforeAll(async () => {
		[n8n] = await Promise.all([n8nWithPackage(N8N_VERSION), emulator.start(), mail.start()]);
		const mailer = nodeByType(template.workflow, 'n8n-nodes-base.emailSend').credentials!.smtp;
		await n8n.importJson('credentials', [elasticPathCredential({ baseUrl: emulator.baseUrl, ...DEFAULT_CLIENT }), smtpCredential(mailer, mail.port)]);
		// The file as users import it: it has a Manual Trigger beside the Schedule Trigger.
		await n8n.importJson('workflow', forImport(template));
	});

	afterAll(async () => {
		await Promise.all([emulator.stop(), mail.stop()]);
	});

	it('mails each customer who left a cart a day or two ago and has not ordered since, with its items; deletes carts untouched for 30 days', async () => {
		const now = Date.now();
		const { state } = emulator;
		for (const who of PEOPLE) state.addCustomer(who, { name: who[0].toUpperCase() + who.slice(1), email: email(who) });
		const cart = (id: string, customers: string[], items: Array<typeof TEA>, ago: number) => state.addCart(id, { customers, items, updatedAt: now - ago });
		cart('ada-cart', ['ada'], [TEA, POT], 36 * HOUR); // reminded
		cart('grace-cart', ['grace'], [CUPS], 30 * HOUR); // ordered since: not reminded
		cart('linus-cart', ['linus'], [KETTLE], 40 * HOUR); // ordered five days ago, before leaving the cart: reminded
		cart('hedy-newer', ['hedy'], [MUG], 26 * HOUR); // two carts: one reminder, of the newer one
		cart('hedy-older', ['hedy'], [SPOONS], 44 * HOUR);
		cart('emmy-empty', ['emmy'], [], 30 * HOUR); // nothing in it
		cart('anonymous', [], [TEA], 30 * HOUR); // nobody to remind
		cart('alan-fresh', ['alan'], [POT], 5 * HOUR); // too fresh
		cart('margaret-3-days', ['margaret'], [POT], 3 * DAY); // past the reminder, not yet stale
		cart('stale-1', ['barbara'], [TEA], 40 * DAY); // cleaned up
		cart('stale-2', ['alan', 'margaret'], [], 35 * DAY); // cleaned up, both customers detached
		cart('stale-anonymous', [], [TEA], 50 * DAY); // no customer: the cleanup lists only carts with one
		cart('almost-stale', ['ada'], [TEA], 20 * DAY);
		state.addOrder('order-grace', { customerId: 'grace', createdAt: now - 3 * HOUR });
		state.addOrder('order-linus', { customerId: 'linus', createdAt: now - 5 * DAY });
		state.addOrder('order-guest', { customer: { name: 'Guest', email: 'guest@example.com' }, createdAt: now - 10 * HOUR });
		const untouched = ['grace-cart', 'linus-cart', 'hedy-newer', 'hedy-older', 'emmy-empty', 'anonymous', 'alan-fresh', 'margaret-3-days', 'almost-stale', 'stale-anonymous', 'ada-cart'];
		const before = new Map(untouched.map((id) => [id, JSON.stringify({ ...state.carts.get(id)!, customers: [...state.carts.get(id)!.customers] })]));

		const execution = await n8n.execute(templateWorkflowId(template.file), 600);

		expect({ status: execution.run?.status, printed: execution.run ? '' : `${execution.result.stdout.slice(-2000)}\n${execution.result.stderr.slice(-2000)}` }).toEqual({ status: 'success', printed: '' });
		const runData = execution.run!.data.resultData.runData;
		expect(Object.values(runData).flat().filter((run) => run.error)).toEqual([]);
		expect(nodeOutput(execution, 'Reminder Failed')).toEqual([]);
		expect(nodeOutput(execution, 'Cleanup Failed')).toEqual([]);

		// Who was mailed, once each, and with which items.
		expect(mail.mails.map((m) => m.to).sort()).toEqual([[email('ada')], [email('hedy')], [email('linus')]]);
		const to = (who: string) => mail.mails.find((m) => m.to.includes(email(who)))!;
		for (const message of mail.mails) {
			expect(message.subject).toBe('You left something in your cart');
			expect(message.from).toBe('"Your Shop" <shop@example.com>');
		}
		expect(to('ada').text).toContain('Hello Ada,');
		expect(to('ada').text).toContain('- 2 x Green tea: $9.00\n- 1 x Teapot: $32.00');
		expect(to('ada').text).toContain('Total: $41.00');
		expect(to('linus').text).toContain('- 1 x Kettle: $29.00');
		expect(to('hedy').text).toContain('- 1 x Mug: $15.00');
		expect(to('hedy').text).not.toContain('Spoon');
		// Nobody who ordered since was mailed, nor anyone whose cart is empty, too fresh or too old.
		const mailed = mail.mails.flatMap((m) => m.to);
		for (const who of ['grace', 'emmy', 'alan', 'margaret', 'barbara']) expect(mailed).not.toContain(email(who));

		// The cleanup: the two stale carts with customers detached and deleted, nothing else touched.
		expect(nodeOutput(execution, 'Detach Customers and Delete')).toEqual(
			expect.arrayContaining([
				{ cartId: 'stale-1', success: true, detachedCustomers: ['barbara'], detachedAccounts: [], deleted: true },
				{ cartId: 'stale-2', success: true, detachedCustomers: ['alan', 'margaret'], detachedAccounts: [], deleted: true },
			]),
		);
		expect(nodeOutput(execution, 'Detach Customers and Delete')).toHaveLength(2);
		expect(['stale-1', 'stale-2'].filter((id) => state.carts.has(id))).toEqual([]);
		for (const [id, was] of before) expect(JSON.stringify({ ...state.carts.get(id)!, customers: [...state.carts.get(id)!.customers] })).toBe(was);

		// What the store was asked: one order listing since two days ago, the items of no cart outside the window.
		const requests = emulator.apiRequests();
		const orderListings = requests.filter((r) => r.path === '/v2/orders');
		expect(orderListings).toHaveLength(1);
		expect(new URLSearchParams(orderListings[0].query).get('filter')).toMatch(/^ge\(created_at,\d{4}-\d{2}-\d{2}\)$/);
		expect(requests.filter((r) => r.path.endsWith('/items')).map((r) => r.path).sort()).toEqual(
			['ada-cart', 'grace-cart', 'hedy-newer', 'hedy-older', 'linus-cart'].map((id) => `/v2/carts/${id}/items`),
		);
		expect(requests.filter((r) => r.method === 'DELETE').every((r) => r.path.startsWith('/v2/carts/stale-'))).toBe(true);
		expect(requests.filter((r) => r.path.startsWith('/v2/customers/')).map((r) => r.path).sort()).toEqual(['ada', 'hedy', 'linus'].map((id) => `/v2/customers/${id}`));
	});
});
