/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- the test reads n8n's log file */
import { existsSync, readFileSync } from 'node:fs';

import type { TriggerHarness } from '../../../testkit/engine/runTrigger';
import { processedData } from '../../../testkit/engine/runTrigger';
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

	/** The secret the store delivers with: the one the trigger configured on its integration. */
	const deliveredSecret = () => [...emulator().integrations.byId.values()][0].configuration.secret_key!;

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
			{ event: 'order.paid', eventId: 'evt-1', attempt: 2, resourceType: 'order', resourceId: 'order-1', data: order, receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
		]);
	});

	it('a deleted resource comes as its type and ID', async () => {
		await activated();

		await deliver('customer.deleted', CUSTOMER, { eventId: 'evt-del' });

		expect(trigger.deliveries[0].output?.map((item) => item.json)).toEqual([
			{ event: 'customer.deleted', eventId: 'evt-del', attempt: 1, resourceType: 'customer', resourceId: 'cust-7', data: { type: 'customer', id: 'cust-7' }, receivedAt: expect.any(String) },
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
		const secret = deliveredSecret();

		const [log] = await deliver('customer.deleted', CUSTOMER, { secret: `${secret.slice(0, -1)}${secret.endsWith('0') ? '1' : '0'}` });

		expect(log.statusCode).toBe(401);
	});

	it('a refused delivery is not remembered: the real one with the same event ID still runs', async () => {
		await activated();

		await deliver('customer.deleted', CUSTOMER, { eventId: 'evt-9', secret: 'guess' });
		await deliver('customer.deleted', CUSTOMER, { eventId: 'evt-9' });

		expect(trigger.deliveries.map((d) => [d.status, d.output?.length])).toEqual([[401, undefined], [200, 1]]);
	});

	it('Ignore Repeated Deliveries (on by default): the same delivery again is answered 200 and starts nothing', async () => {
		await activated();

		await deliver('customer.deleted', CUSTOMER, { eventId: 'evt-repeat-1' });
		const [again] = await deliver('customer.deleted', CUSTOMER, { eventId: 'evt-repeat-1' });
		await deliver('customer.deleted', { ...CUSTOMER, id: 'cust-8' }, { eventId: 'evt-repeat-2' });

		expect(again.statusCode).toBe(200);
		expect(JSON.parse(again.answer!)).toMatchObject({ started: false, reason: 'repeated delivery' });
		expect(trigger.deliveries.map((d) => d.output?.map((item) => item.json.eventId))).toEqual([['evt-repeat-1'], undefined, ['evt-repeat-2']]);
	});

	it('a retry (Elastic Path missed the answer) of an event whose execution n8n took is answered 200 and starts nothing', async () => {
		await activated();

		await deliver('customer.deleted', CUSTOMER, { eventId: 'evt-retried' });
		const [retry] = await deliver('customer.deleted', CUSTOMER, { eventId: 'evt-retried', attempt: 2 });

		expect(retry.statusCode).toBe(200);
		expect(JSON.parse(retry.answer!)).toMatchObject({ started: false, reason: 'repeated delivery' });
		expect(trigger.deliveries.map((d) => [d.run?.status, d.output?.length])).toEqual([['success', 1], [undefined, undefined]]);
	});

	it('an event another n8n process acted on (it is in n8n\'s processed-data store) is not acted on again here', async () => {
		await activated();
		const runs = processedData.calls;
		await deliver('customer.deleted', CUSTOMER, { eventId: 'evt-elsewhere-0' });
		// What another process's execution recorded, as n8n's store shares it.
		await processedData.checkProcessedAndRecord(['evt-elsewhere'], 'node', { node: { id: 'trigger' } as never, workflow: { id: 'trigger-test' } as never }, { mode: 'entries' });

		await deliver('customer.deleted', CUSTOMER, { eventId: 'evt-elsewhere' });

		expect(processedData.calls - runs).toBe(3);
		expect(trigger.deliveries.map((d) => d.output?.length)).toEqual([1, 0]);
	});

	it('20 events delivered at once, then all 20 again at once, twice over: each acted on once', async () => {
		await activated();
		const ids = Array.from({ length: 20 }, (_, n) => `evt-burst-${n}`);
		const burst = async (attempt: number) =>
			await Promise.all(ids.map(async (eventId) => await emulator().integrations.deliver('customer.deleted', { ...CUSTOMER, id: eventId }, { eventId, attempt })));

		await burst(1);
		await burst(1);
		await burst(2);
		await trigger.settled();

		const acted = trigger.deliveries.flatMap((d) => d.output?.map((item) => item.json.eventId) ?? []);
		expect([...acted].sort()).toEqual([...ids].sort());
		expect(emulator().integrations.logs.every((log) => log.statusCode === 200)).toBe(true);
	});

	it('a delivery writes nothing to static data: activations alone write it, so none can revert the integration', async () => {
		await activated();
		const saves = trigger.staticDataSaves;

		await Promise.all([1, 2, 3].map(async (n) => await deliver('customer.deleted', CUSTOMER, { eventId: `evt-quiet-${n}` })));
		trigger.setParameters(triggerParameters(['customer.deleted', 'order.paid']));
		const [reactivation] = await Promise.all([trigger.activate('update'), deliver('customer.deleted', CUSTOMER, { eventId: 'evt-during' })]);

		expect(reactivation).toBeUndefined();
		expect(trigger.staticDataSaves - saves).toBeLessThanOrEqual(1);
		expect(savedState(trigger).integrationId).toBe([...emulator().integrations.byId.keys()][0]);
		const [after] = await deliver('order.paid', { type: 'order', id: 'order-9' }, { eventId: 'evt-after' });
		expect(after.statusCode).toBe(200);
	});

	it('a test listener\'s run of an event does not make the active workflow skip it (Elastic Path delivers to both)', async () => {
		await activated();
		const listener = await trigger.sibling({ url: 'test' });
		await listener.activate('manual');

		await emulator().integrations.deliver('customer.deleted', CUSTOMER, { eventId: 'evt-both' });
		await Promise.all([trigger.settled(), listener.settled()]);

		expect(listener.deliveries.map((d) => d.output?.length)).toEqual([1]);
		expect(trigger.deliveries.map((d) => d.output?.length)).toEqual([1]);
		await listener.deactivate();
		await listener.stop();
	});

	it('with Ignore Repeated Deliveries off, every delivery runs', async () => {
		await activated(['customer.deleted'], { ignoreRepeatedDeliveries: false });

		await deliver('customer.deleted', CUSTOMER, { eventId: 'evt-unchecked' });
		await deliver('customer.deleted', CUSTOMER, { eventId: 'evt-unchecked', attempt: 2 });

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
		const secret = deliveredSecret();

		const answer = await fetch(trigger.webhookUrl, { method: 'POST', headers: { 'X-Moltin-Secret-Key': secret, 'Content-Type': 'application/json' }, body: '{"hello":"world"}' });

		expect(answer.status).toBe(400);
		expect(trigger.deliveries.map((d) => d.run)).toEqual([undefined]);
	});

	it('the delivered configuration (it repeats the secret) reaches neither the output, the run data nor n8n\'s log', async () => {
		await activated(['order.paid']);
		const secret = deliveredSecret();

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
