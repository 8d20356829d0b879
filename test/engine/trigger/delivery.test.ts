/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- the test reads n8n's log file */
import { existsSync, readFileSync } from 'node:fs';

import type { TriggerHarness } from '../../../testkit/engine/runTrigger';
import { N8N_LOG_FILE } from '../../setupEnv';
import { leakedSecrets } from '../faults/secrets';
import { useEmulator } from '../fixtures';
import { savedState, startTrigger, triggerParameters } from './fixtures';

const CUSTOMER = { type: 'customer', id: 'cust-7', name: 'Ada Lovelace', email: 'ada@example.com' };

describe('Elastic Path Trigger: deliveries through n8n-core', () => {
	const emulator = useEmulator();
	let trigger: TriggerHarness;

	const activated = async (...args: Parameters<typeof triggerParameters>) => {
		trigger = await startTrigger(emulator(), { parameters: triggerParameters(...args) });
		await trigger.activate();
		return trigger;
	};

	const deliver = async (...args: Parameters<ReturnType<typeof emulator>['integrations']['deliver']>) => {
		const logs = await emulator().integrations.deliver(...args);
		await trigger.settled();
		return logs;
	};

	afterEach(async () => {
		await trigger?.stop();
	});

	it('answers 200 and outputs one item: event, eventId, attempt, resourceType, resourceId and the resource', async () => {
		await activated(['order.paid']);
		const order = { type: 'order', id: 'order-1', status: 'complete', payment: 'paid', relationships: { customer: { data: { type: 'customer', id: 'cust-7' } } } };

		const [log] = await deliver('order.paid', order, { eventId: 'evt-1', attempt: 2 });

		expect(log.statusCode).toBe(200);
		expect(JSON.parse(log.answer!)).toEqual({ received: true, started: true });
		expect(trigger.deliveries).toHaveLength(1);
		const [delivery] = trigger.deliveries;
		expect(delivery.run?.status).toBe('success');
		expect(delivery.output?.map((item) => item.json)).toEqual([
			{ event: 'order.paid', eventId: 'evt-1', attempt: 2, resourceType: 'order', resourceId: 'order-1', data: order },
		]);
	});

	it('a deleted resource comes as its type and ID', async () => {
		await activated();

		await deliver('customer.deleted', CUSTOMER, { eventId: 'evt-del' });

		expect(trigger.deliveries[0].output?.map((item) => item.json)).toEqual([
			{ event: 'customer.deleted', eventId: 'evt-del', attempt: 1, resourceType: 'customer', resourceId: 'cust-7', data: { type: 'customer', id: 'cust-7' } },
		]);
	});

	it.each([
		['no secret header', null],
		['a wrong secret', 'not-the-secret'],
		['an empty secret', ''],
	])('answers 401 to a delivery with %s and starts nothing', async (_what, secret) => {
		await activated();

		const [log] = await deliver('customer.deleted', CUSTOMER, { secret });

		expect(log.statusCode).toBe(401);
		expect(JSON.parse(log.answer!)).toEqual({ message: 'Missing or wrong X-Moltin-Secret-Key' });
		expect(trigger.deliveries.map((d) => [d.status, d.run])).toEqual([[401, undefined]]);
	});

	it('a secret that differs only in its last character is refused too', async () => {
		await activated();
		const secret = savedState(trigger).secret!;

		const [log] = await deliver('customer.deleted', CUSTOMER, { secret: `${secret.slice(0, -1)}${secret.endsWith('0') ? '1' : '0'}` });

		expect(log.statusCode).toBe(401);
	});

	it('a refused delivery is not remembered: the real one with the same event ID still runs', async () => {
		await activated();

		await deliver('customer.deleted', CUSTOMER, { eventId: 'evt-9', secret: 'guess' });
		await deliver('customer.deleted', CUSTOMER, { eventId: 'evt-9' });

		expect(trigger.deliveries.map((d) => [d.status, d.output?.length])).toEqual([[401, undefined], [200, 1]]);
	});

	it('Ignore Repeated Deliveries (on by default): a repeated event ID is answered 200 and starts nothing', async () => {
		await activated();

		await deliver('customer.deleted', CUSTOMER, { eventId: 'evt-1' });
		const [again] = await deliver('customer.deleted', CUSTOMER, { eventId: 'evt-1', attempt: 2 });
		await deliver('customer.deleted', { ...CUSTOMER, id: 'cust-8' }, { eventId: 'evt-2' });

		expect(again.statusCode).toBe(200);
		expect(JSON.parse(again.answer!)).toMatchObject({ started: false, reason: 'repeated delivery' });
		expect(trigger.deliveries.map((d) => d.output?.map((item) => item.json.eventId))).toEqual([['evt-1'], undefined, ['evt-2']]);
		expect(savedState(trigger).recentEvents?.map(([id]) => id)).toEqual(['evt-1', 'evt-2']);
	});

	it('remembers repeated deliveries across a restart (they are in the saved static data)', async () => {
		await activated();
		await deliver('customer.deleted', CUSTOMER, { eventId: 'evt-1' });

		await trigger.activate('init');
		await deliver('customer.deleted', CUSTOMER, { eventId: 'evt-1', attempt: 2 });

		expect(trigger.deliveries.map((d) => d.output?.length)).toEqual([1, undefined]);
	});

	it('with Ignore Repeated Deliveries off, every delivery runs', async () => {
		await activated(['customer.deleted'], { ignoreRepeatedDeliveries: false });

		await deliver('customer.deleted', CUSTOMER, { eventId: 'evt-1' });
		await deliver('customer.deleted', CUSTOMER, { eventId: 'evt-1', attempt: 2 });

		expect(trigger.deliveries.map((d) => d.output?.map((item) => item.json.attempt))).toEqual([[1], [2]]);
	});

	it('an event the node does not observe starts nothing', async () => {
		await activated(['customer.deleted']);
		// An integration edited in Commerce Manager to observe more than the node asked for.
		for (const integration of emulator().integrations.byId.values()) integration.observes.push('cart.updated');

		const [log] = await deliver('cart.updated', { type: 'cart', id: 'cart-1' });

		expect(log.statusCode).toBe(200);
		expect(trigger.deliveries.map((d) => d.run)).toEqual([undefined]);
	});

	it('a body that is no Elastic Path event is answered 400 and starts nothing', async () => {
		await activated();
		const secret = savedState(trigger).secret!;

		const answer = await fetch(trigger.webhookUrl, { method: 'POST', headers: { 'X-Moltin-Secret-Key': secret, 'Content-Type': 'application/json' }, body: '{"hello":"world"}' });

		expect(answer.status).toBe(400);
		expect(trigger.deliveries.map((d) => d.run)).toEqual([undefined]);
	});

	it('the delivered configuration (it repeats the secret) reaches neither the output, the run data nor n8n\'s log', async () => {
		await activated(['order.paid']);
		const secret = savedState(trigger).secret!;

		const [log] = await deliver('order.paid', { type: 'order', id: 'order-2' }, { eventId: 'evt-secret' });
		// n8n writes its log asynchronously.
		await new Promise((resolve) => setTimeout(resolve, 300));

		expect(log.statusCode).toBe(200);
		const { run, output } = trigger.deliveries[0];
		expect(output).toHaveLength(1);
		expect(output![0].json).not.toHaveProperty('configuration');
		expect(leakedSecrets({ run, output }, [secret])).toEqual([]);
		const n8nLog = existsSync(N8N_LOG_FILE) ? readFileSync(N8N_LOG_FILE, 'utf8') : '';
		expect(n8nLog.length).toBeGreaterThan(0);
		expect(n8nLog.includes(secret)).toBe(false);
	});
});
