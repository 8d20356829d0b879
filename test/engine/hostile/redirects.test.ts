/* eslint-disable @n8n/community-nodes/no-deprecated-workflow-functions -- HTTP Request nodes still send the legacy request options; this test drives that path */
import type { IHttpRequestOptions, IRequestOptions } from 'n8n-workflow';

import { HostileServer, issuing } from '../../../testkit/hostile/HostileServer';
import { testCredential } from '../testCredential';
import { tempNode } from '../tempNode';

const TOKEN = 'ep_cc_hostile-access-token';
const CUSTOMER_TOKEN = 'planted-customer-token';
const ACCOUNT_TOKEN = 'planted-account-token';

describe('a request signed by the credential never reaches another origin', () => {
	let api: HostileServer;
	let elsewhere: HostileServer;
	beforeEach(async () => {
		elsewhere = await new HostileServer(() => ({ status: 200, body: { data: [] } })).start();
		// The API host sends every API request on to the other origin.
		api = await new HostileServer(
			issuing(TOKEN, (request) => ({ status: 302, headers: { Location: `${elsewhere.origin}${request.url}` } })),
		).start();
	});
	afterEach(async () => await Promise.all([api.stop(), elsewhere.stop()]));

	const credentials = () => ({
		region: 'custom',
		baseUrl: api.origin,
		authType: 'clientCredentials',
		clientId: 'id',
		clientSecret: 'secret',
		customerToken: CUSTOMER_TOKEN,
		accountToken: ACCOUNT_TOKEN,
	});

	it('the Test button does not follow a redirect from the API host (and does not report OK)', async () => {
		const result = await testCredential(credentials());

		expect(api.apiRequests()).toHaveLength(1);
		expect(elsewhere.received).toEqual([]);
		expect(result.status).toBe('Error');
	});

	it('an HTTP Request node using the credential does not follow a redirect from the API host', async () => {
		const { context } = tempNode(credentials());

		await expect(
			context.helpers.httpRequestWithAuthentication.call(context, 'elasticPathApi', { method: 'GET', url: '/v2/carts' }),
		).rejects.toThrow();
		await expect(
			context.helpers.requestWithAuthentication.call(context, 'elasticPathApi', { method: 'GET', uri: `${api.origin}/v2/carts` }),
		).rejects.toThrow();

		// The legacy helper sends once more after any failure, with a renewed token: still not elsewhere.
		expect(api.apiRequests().length).toBeGreaterThanOrEqual(2);
		expect(elsewhere.received).toEqual([]);
	});

	it.each<[string, (origin: string) => IHttpRequestOptions | IRequestOptions, 'http' | 'legacy']>([
		['an absolute url', (origin) => ({ method: 'GET', url: `${origin}/steal` }), 'http'],
		['a protocol-relative url', (origin) => ({ method: 'GET', url: `//${new URL(origin).host}/steal` }), 'http'],
		['an absolute uri (the legacy request options)', (origin) => ({ method: 'GET', uri: `${origin}/steal` }), 'legacy'],
	])('%s to another origin is refused before anything is sent, naming the origin, never the token', async (_what, options, helper) => {
		const { context } = tempNode(credentials());

		const sent =
			helper === 'http'
				? context.helpers.httpRequestWithAuthentication.call(context, 'elasticPathApi', options(elsewhere.origin) as IHttpRequestOptions)
				: context.helpers.requestWithAuthentication.call(context, 'elasticPathApi', options(elsewhere.origin) as IRequestOptions);
		const error = (await sent.then(
			() => undefined,
			(thrown: unknown) => thrown,
		)) as Error | undefined;

		expect(error?.message).toContain(elsewhere.origin);
		expect(error?.message).toContain(api.origin);
		expect(error?.message).not.toContain(TOKEN);
		expect(elsewhere.received).toEqual([]);
	});

	it('a request to the API host itself is signed as before', async () => {
		api.handler = issuing(TOKEN, () => ({ status: 200, body: { data: [] } }));
		const { context } = tempNode(credentials());

		await context.helpers.httpRequestWithAuthentication.call(context, 'elasticPathApi', { method: 'GET', url: `${api.origin}/v2/carts` });

		expect(api.apiRequests().map((request) => request.headers)).toEqual([
			expect.objectContaining({
				authorization: `Bearer ${TOKEN}`,
				'x-moltin-customer-token': CUSTOMER_TOKEN,
				'ep-account-management-authentication-token': ACCOUNT_TOKEN,
			}),
		]);
	});
});
