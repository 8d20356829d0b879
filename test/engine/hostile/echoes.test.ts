import { randomBytes } from 'node:crypto';

import { runListSearch } from '../../../testkit/engine/listSearch';
import { TriggerHarness } from '../../../testkit/engine/runTrigger';
import type { OnError } from '../../../testkit/engine/runWorkflow';
import { runWorkflow } from '../../../testkit/engine/runWorkflow';
import type { HostileHandler } from '../../../testkit/hostile/HostileServer';
import { HostileServer, isTokenPath, issuing } from '../../../testkit/hostile/HostileServer';
import { cartParameters } from '../fixtures';
import { leakedSecrets } from '../faults/secrets';

const planted = () => `planted-${randomBytes(6).toString('hex')}`;

/** Echo servers: what they received comes back in the error answer. */
const echoForm: HostileHandler = (request) =>
	isTokenPath(request) ? { status: 400, body: { errors: [{ status: 400, title: 'bad request', detail: request.body }] } } : { status: 500 };
const echoHeadersAs = (token: string): HostileHandler =>
	issuing(token, (request) => ({
		status: 403,
		body: { errors: [{ status: 403, title: 'Forbidden', detail: `you sent ${JSON.stringify(request.headers)}` }] },
	}));
const echoAsText = (token: string): HostileHandler =>
	issuing(token, (request) => ({
		status: 403,
		body: `denied: authorization=${String(request.headers.authorization)} access_token=${token}&refresh_token=r-1 {"client_secret": "s"}`,
	}));

describe('secrets a server echoes never reach an error, an output item or the error output', () => {
	let store: HostileServer;
	afterEach(async () => await store?.stop());

	describe.each<[string, (token: string) => HostileHandler, string]>([
		['a token endpoint answering 400 with the form it received', () => echoForm, 'Elastic Path refused to issue an access token (HTTP 400: bad request: grant_type=client_credentials&client_id=id&client_secret=**hidden**): check the Client ID, Client Secret and region/Base URL'],
		['an API answering 403 with the request headers', echoHeadersAs, 'Elastic Path answered 403: Forbidden: you sent'],
		['an API answering 403 with the bearer and token fields as text', echoAsText, 'Elastic Path answered 403: denied: authorization=Bearer **hidden** access_token=**hidden**&refresh_token=**hidden** {"client_secret": "**hidden**"}'],
	])('%s', (_what, handler, message) => {
		it.each<OnError>(['continueRegularOutput', 'continueErrorOutput', 'stopWorkflow'])('On Error: %s', async (onError) => {
			const secrets = { clientSecret: planted(), customerToken: planted(), accountToken: planted(), itemToken: planted(), accessToken: `ep_cc_${planted()}` };
			store = await new HostileServer(handler(secrets.accessToken)).start();

			const { output, errorOutput, error, run } = await runWorkflow({
				parameters: cartParameters('get', { cartId: '={{ $json.cartId }}', options: { customerToken: '={{ $json.token }}' }, requestSettings: { maxAttempts: 1 } }),
				items: [{ cartId: 'cart-1', token: '' }, { cartId: 'cart-2', token: secrets.itemToken }],
				credentials: {
					region: 'custom',
					baseUrl: store.origin,
					authType: 'clientCredentials',
					clientId: 'id',
					clientSecret: secrets.clientSecret,
					accountToken: secrets.accountToken,
				},
				onError,
			});

			const messages =
				onError === 'stopWorkflow'
					? [error?.message]
					: [...output, ...errorOutput].map((item) => (onError === 'continueErrorOutput' ? item.json.message : item.json.error));
			expect(messages).toEqual(expect.arrayContaining([expect.stringContaining(message)]));
			// Items fed to the node hold the item token: that is the user's data; what the node wrote is the rest.
			const written = [...output, ...errorOutput].map(({ json }) => ({ ...json, token: undefined }));
			const nodeRun = run.data.resultData.runData['Elastic Path'].map((taskData) => ({ ...taskData, data: undefined }));
			expect(leakedSecrets({ written, error, nodeRun, workflowError: run.data.resultData.error }, Object.values(secrets))).toEqual([]);
		});
	});
});

describe('secrets a server echoes never reach the errors of the editor\'s pickers or the trigger\'s activation', () => {
	let store: HostileServer;
	afterEach(async () => await store?.stop());

	const credentials = (clientSecret: string) => ({ region: 'custom', baseUrl: store.origin, authType: 'clientCredentials', clientId: 'id', clientSecret });

	it('a picker\'s listing answered 403 with the request headers', async () => {
		const [clientSecret, accessToken] = [planted(), `ep_cc_${planted()}`];
		store = await new HostileServer(echoHeadersAs(accessToken)).start();

		const failure = (await runListSearch({ method: 'searchCarts', credentials: credentials(clientSecret) }).catch((error: unknown) => error)) as Error;

		expect(failure.message).toContain('Elastic Path answered 403: Forbidden: you sent');
		expect(leakedSecrets({ message: failure.message, description: (failure as { description?: string }).description }, [clientSecret, accessToken])).toEqual([]);
	});

	it('the trigger\'s activation answered 403 with the request headers', async () => {
		const [clientSecret, accessToken] = [planted(), `ep_cc_${planted()}`];
		store = await new HostileServer(echoHeadersAs(accessToken)).start();
		const trigger = await new TriggerHarness({ parameters: { events: ['customer.deleted'], options: {} }, credentials: credentials(clientSecret) }).start();

		const failure = (await trigger.activate().catch((error: unknown) => error)) as Error;
		await trigger.stop();

		expect(failure.message).toContain('HTTP 403: Forbidden: you sent');
		expect(leakedSecrets({ message: failure.message, description: (failure as { description?: string }).description }, [clientSecret, accessToken])).toEqual([]);
	});
});
