import type { TriggerHarness } from '../../../testkit/engine/runTrigger';
import { implicitCredentials, useEmulator } from '../fixtures';
import { savedState, startTrigger, triggerParameters } from './fixtures';

const integrationRequests = (emulator: ReturnType<ReturnType<typeof useEmulator>>) =>
	emulator.apiRequests().filter((r) => r.path.startsWith('/v2/integrations')).map((r) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/, '{id}')}`);

describe('Elastic Path Trigger: the webhook lifecycle (checkExists, create, delete) through n8n-core', () => {
	const emulator = useEmulator();
	let trigger: TriggerHarness;

	afterEach(async () => {
		await trigger?.stop();
	});

	it('on activation creates one webhook integration observing the selected events, delivering to the workflow\'s URL with a new secret', async () => {
		trigger = await startTrigger(emulator(), { parameters: triggerParameters(['order.paid', 'customer.deleted']) });

		await trigger.activate();

		const integrations = [...emulator().integrations.byId.values()];
		expect(integrations).toHaveLength(1);
		const [integration] = integrations;
		expect(integration).toMatchObject({ integrationType: 'webhook', enabled: true, observes: ['customer.deleted', 'order.paid'] });
		expect(integration.configuration.url).toBe(trigger.webhookUrl);
		expect(trigger.webhookUrl).toMatch(/\/webhook\/[^/]+\/webhook$/);
		const state = savedState(trigger);
		expect(state.integrationId).toBe(integration.id);
		expect(state.secret).toMatch(/^[0-9a-f]{64}$/);
		expect(integration.configuration.secret_key).toBe(state.secret);
		expect(integrationRequests(emulator())).toEqual(['POST /v2/integrations']);
	});

	it('each activation has a secret of its own', async () => {
		trigger = await startTrigger(emulator());
		await trigger.activate();
		const first = savedState(trigger).secret;
		await trigger.deactivate();
		await trigger.activate();

		expect(savedState(trigger).secret).toMatch(/^[0-9a-f]{64}$/);
		expect(savedState(trigger).secret).not.toBe(first);
	});

	it('after a restart, checkExists finds the integration again by its stored ID and creates nothing', async () => {
		trigger = await startTrigger(emulator());
		await trigger.activate();
		const { integrationId, secret } = savedState(trigger);

		await trigger.activate('init');

		expect(await trigger.runMethod('checkExists', 'init')).toBe(true);
		expect(emulator().integrations.byId.size).toBe(1);
		expect(savedState(trigger)).toMatchObject({ integrationId, secret });
		expect(integrationRequests(emulator())).toEqual(['POST /v2/integrations', 'GET /v2/integrations/{id}', 'GET /v2/integrations/{id}']);
	});

	it('creates a new integration when the stored one was deleted in Elastic Path meanwhile', async () => {
		trigger = await startTrigger(emulator());
		await trigger.activate();
		const old = savedState(trigger).integrationId!;
		emulator().integrations.byId.delete(old);

		await trigger.activate('init');

		const [integration] = emulator().integrations.byId.values();
		expect(emulator().integrations.byId.size).toBe(1);
		expect(integration.id).not.toBe(old);
		expect(savedState(trigger).integrationId).toBe(integration.id);
	});

	it('replaces its integration when it no longer points at this URL or observes other events', async () => {
		trigger = await startTrigger(emulator());
		await trigger.activate();
		const old = savedState(trigger).integrationId!;
		emulator().integrations.byId.get(old)!.configuration.url = 'https://elsewhere.example.com/hook';

		expect(await trigger.runMethod('checkExists', 'init')).toBe(false);
		expect(emulator().integrations.byId.has(old)).toBe(false);
		await trigger.runMethod('create', 'init');
		expect([...emulator().integrations.byId.values()].map((i) => i.configuration.url)).toEqual([trigger.webhookUrl]);

		trigger.setParameters(triggerParameters(['customer.deleted', 'account.deleted']));
		await trigger.activate('update');
		expect([...emulator().integrations.byId.values()].map((i) => i.observes)).toEqual([['account.deleted', 'customer.deleted']]);
	});

	it('on deactivation deletes its integration and forgets it (and the secret)', async () => {
		trigger = await startTrigger(emulator());
		await trigger.activate();
		const other = await startTrigger(emulator());
		await other.activate();

		expect(await trigger.deactivate()).toBe(true);

		expect([...emulator().integrations.byId.keys()]).toEqual([savedState(other).integrationId]);
		expect(savedState(trigger).integrationId).toBeUndefined();
		expect(savedState(trigger).secret).toBeUndefined();
		await other.stop();
	});

	it('deactivation after the access token expired fetches a new one, as the node does', async () => {
		trigger = await startTrigger(emulator());
		await trigger.activate();
		emulator().state.expireAccessTokens();

		expect(await trigger.deactivate()).toBe(true);

		expect(emulator().integrations.byId.size).toBe(0);
		expect(emulator().tokenRequests()).toHaveLength(2);
	});

	it('deactivation succeeds when the integration is already gone', async () => {
		trigger = await startTrigger(emulator());
		await trigger.activate();
		emulator().integrations.byId.clear();

		expect(await trigger.deactivate()).toBe(true);
		expect(savedState(trigger).integrationId).toBeUndefined();
	});

	it('the test URL works the same way while the editor listens', async () => {
		trigger = await startTrigger(emulator(), { url: 'test' });

		await trigger.activate('manual');

		const [integration] = emulator().integrations.byId.values();
		expect(integration.configuration.url).toBe(trigger.webhookUrl);
		expect(trigger.webhookUrl).toContain('/webhook-test/');
		await trigger.deactivate();
		expect(emulator().integrations.byId.size).toBe(0);
	});

	it('an activation fails with a clear error when the credential may not create integrations, and keeps nothing', async () => {
		trigger = await startTrigger(emulator(), { credentials: implicitCredentials(emulator()) });

		const failure = trigger.activate();

		await expect(failure).rejects.toThrow(
			"Elastic Path refused to create the trigger's integration (HTTP 403: Forbidden: You are not authorized to access integrations with this token)",
		);
		await expect(failure).rejects.toMatchObject({
			httpCode: '403',
			description: expect.stringContaining('use a Client Credentials credential'),
		});
		expect(emulator().integrations.byId.size).toBe(0);
		expect(savedState(trigger)).toEqual({});
	});

	it('an activation with no event selected fails before calling Elastic Path', async () => {
		trigger = await startTrigger(emulator(), { parameters: triggerParameters([]) });

		await expect(trigger.activate()).rejects.toThrow('Select at least one event in "Events"');
		expect(integrationRequests(emulator())).toEqual([]);
	});
});
