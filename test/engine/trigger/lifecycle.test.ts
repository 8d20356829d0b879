import { isApiRequest } from '../../../testkit/emulator/EpccEmulator';
import type { TriggerHarness } from '../../../testkit/engine/runTrigger';
import { implicitCredentials, useEmulator } from '../fixtures';
import { savedState, startTrigger, triggerParameters } from './fixtures';

type Emulator = ReturnType<ReturnType<typeof useEmulator>>;

const integrationRequests = (emulator: Emulator) =>
	emulator
		.apiRequests()
		.filter((r) => r.path.startsWith('/v2/integrations'))
		.map((r) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/, '{id}')}`);
const integrations = (emulator: Emulator) => [...emulator.integrations.byId.values()];
const unavailable = { kind: 'answer' as const, answer: { status: 503, body: { errors: [{ status: 503, title: 'Service Unavailable' }] } } };
const isIntegrationRead = (request: { method: string; path: string }) => request.method === 'GET' && /^\/v2\/integrations\/[^/]+$/.test(request.path);

describe('Elastic Path Trigger: the webhook lifecycle (checkExists, create, delete) through n8n-core', () => {
	const emulator = useEmulator();
	let trigger: TriggerHarness;
	const others: TriggerHarness[] = [];

	afterEach(async () => {
		await trigger?.stop();
		await Promise.all(others.splice(0).map(async (other) => await other.stop()));
	});

	it('on activation creates one webhook integration observing the selected events, delivering to the workflow\'s URL with a secret', async () => {
		trigger = await startTrigger(emulator(), { parameters: triggerParameters(['order.paid', 'customer.deleted']) });

		await trigger.activate();

		expect(integrations(emulator())).toHaveLength(1);
		const [integration] = integrations(emulator());
		expect(integration).toMatchObject({ integrationType: 'webhook', enabled: true, observes: ['customer.deleted', 'order.paid'] });
		expect(integration.configuration.url).toBe(trigger.webhookUrl);
		expect(trigger.webhookUrl).toMatch(/\/webhook\/[^/]+\/webhook$/);
		expect(integration.configuration.secret_key).toMatch(/^[0-9a-f]{64}$/);
		expect(savedState(trigger)).toEqual({ integrationId: integration.id });
		expect(integrationRequests(emulator())).toEqual(['GET /v2/integrations', 'POST /v2/integrations', 'GET /v2/integrations']);
	});

	it('keeps no secret in static data: every process derives the same one from the credential', async () => {
		trigger = await startTrigger(emulator());
		await trigger.activate();
		const [first] = integrations(emulator());
		await trigger.deactivate();
		await trigger.activate();

		const [second] = integrations(emulator());
		expect(second.id).not.toBe(first.id);
		expect(second.configuration.secret_key).toBe(first.configuration.secret_key);
		expect(JSON.stringify(trigger.savedStaticData)).not.toContain(first.configuration.secret_key);
	});

	it('after a restart, checkExists finds the integration again by its stored ID and creates nothing', async () => {
		trigger = await startTrigger(emulator());
		await trigger.activate();
		const [integration] = integrations(emulator());

		await trigger.activate('init');

		expect(integrations(emulator())).toEqual([integration]);
		expect(savedState(trigger)).toEqual({ integrationId: integration.id });
		expect(integrationRequests(emulator()).slice(3)).toEqual(['GET /v2/integrations/{id}']);
	});

	it('a restart while the store answers 503 to the first reads waits it out: the working integration is kept, nothing is deleted', async () => {
		trigger = await startTrigger(emulator());
		await trigger.activate();
		const [integration] = integrations(emulator());
		emulator().failNext(unavailable, 2, isIntegrationRead);

		await trigger.activate('init');

		expect(integrations(emulator())).toEqual([integration]);
		expect(integrationRequests(emulator()).filter((r) => !r.startsWith('GET'))).toEqual(['POST /v2/integrations']);
	});

	it('a restart while the store cannot be asked at all (503 past every retry) keeps the integration: it cannot tell, so it counts as existing', async () => {
		trigger = await startTrigger(emulator());
		await trigger.activate();
		const [integration] = integrations(emulator());
		emulator().failNext(unavailable, 100, isIntegrationRead);

		expect(await trigger.runMethod('checkExists', 'init')).toBe(true);
		await trigger.activate('init');

		expect(integrations(emulator())).toEqual([integration]);
		expect(integrationRequests(emulator()).filter((r) => r.startsWith('DELETE'))).toEqual([]);
	}, 60_000);

	it('a create whose answer never came (the connection reset after the store made it) leaves exactly one integration', async () => {
		trigger = await startTrigger(emulator());
		emulator().failNext({ kind: 'reset-after' }, 1, (request) => isApiRequest(request) && request.method === 'POST');

		await trigger.activate();

		expect(integrations(emulator())).toHaveLength(1);
		expect(savedState(trigger).integrationId).toBe(integrations(emulator())[0].id);
		expect(integrations(emulator())[0].configuration.secret_key).toMatch(/^[0-9a-f]{64}$/);
	});

	it('two n8n mains activating the same workflow at once end with one integration, both naming it', async () => {
		trigger = await startTrigger(emulator());
		const second = await trigger.sibling();
		others.push(second);
		emulator().options.latencyMs = 30;

		await Promise.all([trigger.activate(), second.activate()]);

		expect(integrations(emulator())).toHaveLength(1);
		const [integration] = integrations(emulator());
		expect(savedState(trigger).integrationId).toBe(integration.id);
		expect(savedState(second).integrationId).toBe(integration.id);
	});

	it.each([
		['disabled in Commerce Manager', (i: { enabled: boolean }) => (i.enabled = false)],
		['given another secret in Commerce Manager', (i: { configuration: { secret_key?: string } }) => (i.configuration.secret_key = 'typed-by-hand')],
	])('an integration %s is put right in place on the next activation: same ID, enabled, this trigger\'s secret', async (_what, change) => {
		trigger = await startTrigger(emulator());
		await trigger.activate();
		const [integration] = integrations(emulator());
		const { secret_key: secret } = integration.configuration;
		change(integration as never);

		expect(await trigger.runMethod('checkExists', 'init')).toBe(false);
		await trigger.runMethod('create', 'init');

		expect(integrations(emulator())).toHaveLength(1);
		expect(integrations(emulator())[0]).toMatchObject({ id: integration.id, enabled: true, configuration: { url: trigger.webhookUrl, secret_key: secret } });
	});

	it('creates a new integration when the stored one was deleted in Elastic Path meanwhile', async () => {
		trigger = await startTrigger(emulator());
		await trigger.activate();
		const old = savedState(trigger).integrationId!;
		emulator().integrations.byId.delete(old);

		await trigger.activate('init');

		const [integration] = integrations(emulator());
		expect(integrations(emulator())).toHaveLength(1);
		expect(integration.id).not.toBe(old);
		expect(savedState(trigger).integrationId).toBe(integration.id);
	});

	it('when n8n\'s URL changed, the integration ends up delivering to the new URL, and only there', async () => {
		trigger = await startTrigger(emulator());
		await trigger.activate();
		const [integration] = integrations(emulator());
		integration.configuration.url = integration.configuration.url.replace('127.0.0.1', 'old-host.example.com');

		await trigger.activate('init');

		expect(integrations(emulator()).map((i) => i.configuration.url)).toEqual([trigger.webhookUrl]);
	});

	it('an integration edited to deliver elsewhere entirely is replaced, the edited one removed', async () => {
		trigger = await startTrigger(emulator());
		await trigger.activate();
		const old = savedState(trigger).integrationId!;
		emulator().integrations.byId.get(old)!.configuration.url = 'https://elsewhere.example.com/hook';

		await trigger.activate('init');

		expect(integrations(emulator()).map((i) => i.configuration.url)).toEqual([trigger.webhookUrl]);
		expect(emulator().integrations.byId.has(old)).toBe(false);
	});

	it('changed events update the integration in place', async () => {
		trigger = await startTrigger(emulator());
		await trigger.activate();
		const [integration] = integrations(emulator());

		trigger.setParameters(triggerParameters(['customer.deleted', 'account.deleted']));
		await trigger.activate('update');

		expect(integrations(emulator()).map((i) => [i.id, i.observes])).toEqual([[integration.id, ['account.deleted', 'customer.deleted']]]);
	});

	it('an integration a test listener left behind (n8n restarted while it listened) is removed when the workflow activates', async () => {
		const listener = await startTrigger(emulator(), { url: 'test' });
		others.push(listener);
		await listener.activate('manual');
		trigger = await listener.sibling({ url: 'production' });

		await trigger.activate('init');

		expect(integrations(emulator()).map((i) => i.configuration.url)).toEqual([trigger.webhookUrl]);
	});

	it('on deactivation deletes its integration and forgets it; another workflow\'s stays', async () => {
		trigger = await startTrigger(emulator());
		await trigger.activate();
		const other = await startTrigger(emulator(), { workflowId: 'another-workflow' });
		others.push(other);
		await other.activate();

		expect(await trigger.deactivate()).toBe(true);

		expect([...emulator().integrations.byId.keys()]).toEqual([savedState(other).integrationId]);
		expect(savedState(trigger).integrationId).toBeUndefined();
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

	it('the test URL works the same way while the editor listens, and leaves the active workflow\'s integration alone', async () => {
		const active = await startTrigger(emulator());
		others.push(active);
		await active.activate();
		trigger = await active.sibling({ url: 'test' });

		await trigger.activate('manual');

		expect(integrations(emulator()).map((i) => i.configuration.url).sort()).toEqual([active.webhookUrl, trigger.webhookUrl].sort());
		expect(trigger.webhookUrl).toContain('/webhook-test/');
		await trigger.deactivate();
		expect(integrations(emulator()).map((i) => i.configuration.url)).toEqual([active.webhookUrl]);
	});

	it('an activation with a credential that may not manage integrations fails with a clear error, and keeps nothing', async () => {
		trigger = await startTrigger(emulator(), { credentials: implicitCredentials(emulator()) });

		await expect(trigger.activate()).rejects.toThrow('The credential may not manage integrations (webhooks): use a Client Credentials credential');

		expect(emulator().integrations.byId.size).toBe(0);
		expect(savedState(trigger)).toEqual({});
	});

	it('an activation the store refuses (403) fails with Elastic Path\'s words, and keeps nothing', async () => {
		trigger = await startTrigger(emulator());
		emulator().failNext({ kind: 'answer', answer: { status: 403, body: { errors: [{ status: 403, title: 'Forbidden', detail: 'No integrations for this key' }] } } }, 1, (request) => isApiRequest(request) && request.method === 'POST');

		const failure = trigger.activate();

		await expect(failure).rejects.toThrow("Elastic Path refused to create the trigger's integration (HTTP 403: Forbidden: No integrations for this key)");
		await expect(failure).rejects.toMatchObject({ httpCode: '403', description: expect.stringContaining('use a Client Credentials credential') });
		expect(emulator().integrations.byId.size).toBe(0);
	});

	it('an activation with no event selected fails before calling Elastic Path', async () => {
		trigger = await startTrigger(emulator(), { parameters: triggerParameters([]) });

		await expect(trigger.activate()).rejects.toThrow('Select at least one event in "Events"');
		expect(integrationRequests(emulator())).toEqual([]);
	});
});
