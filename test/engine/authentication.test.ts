import { isApiRequest } from '../../testkit/emulator/EpccEmulator';
import { newCredentialsHelper, runWorkflow } from '../../testkit/engine/runWorkflow';
import { associationParameters, clientCredentials, implicitCredentials, seedPairs, useEmulator } from './fixtures';

describe('elasticPathApi credential, through the engine', () => {
	const emulator = useEmulator();

	describe('client credentials', () => {
		it('fetches one token (form-encoded) for the whole run and stores it as n8n does', async () => {
			const items = seedPairs(emulator(), 3);

			const { output, credentialsHelper } = await runWorkflow({
				parameters: associationParameters('delete'),
				items,
				credentials: clientCredentials(emulator()),
			});

			expect(output.map((o) => o.json.success)).toEqual([true, true, true]);
			const tokenRequests = emulator().tokenRequests();
			expect(tokenRequests).toHaveLength(1);
			expect(tokenRequests[0].method).toBe('POST');
			expect(tokenRequests[0].headers['content-type']).toBe('application/x-www-form-urlencoded');
			expect(Object.fromEntries(new URLSearchParams(tokenRequests[0].body))).toEqual({
				grant_type: 'client_credentials',
				client_id: 'test-client-id',
				client_secret: 'test-client-secret',
			});
			const token = credentialsHelper.get('cred-1')!.sessionToken as string;
			expect(token).toMatch(/^ep_cc_/);
			expect(emulator().apiRequests().map((r) => r.headers.authorization)).toEqual(Array(3).fill(`Bearer ${token}`));
		});

		it('renews a token that expires in the middle of a run: no item fails', async () => {
			const items = seedPairs(emulator(), 6);
			let removals = 0;
			emulator().beforeHandle = (request) => {
				// The hour runs out just before the fourth removal.
				if (isApiRequest(request) && ++removals === 4) emulator().state.expireAccessTokens();
			};

			const { output, error, credentialsHelper } = await runWorkflow({
				parameters: associationParameters('delete'),
				items,
				credentials: clientCredentials(emulator()),
			});

			expect(error).toBeUndefined();
			expect(output.map((o) => o.json.success)).toEqual(Array(6).fill(true));
			expect(emulator().tokenRequests()).toHaveLength(2);
			const [oldToken, newToken] = credentialsHelper.updates.map((u) => `Bearer ${u.sessionToken}`);
			const answers = emulator().apiRequests().map((r) => [r.headers.authorization, r.status]);
			expect(answers.filter(([, status]) => status === 401).every(([auth]) => auth === oldToken)).toBe(true);
			expect(answers.filter(([auth]) => auth === newToken).every(([, status]) => status === 204)).toBe(true);
			expect(answers.filter(([, status]) => status === 204)).toHaveLength(6);
			expect(credentialsHelper.updates).toHaveLength(2);
		});

		it('renews once when many requests in flight are refused at the same moment', async () => {
			const items = seedPairs(emulator(), 12);
			// Slow answers and a token that expires early: several requests are refused before the first refusal is back.
			emulator().options.latencyMs = 300;
			let removals = 0;
			emulator().beforeHandle = (request) => {
				if (isApiRequest(request) && ++removals === 2) emulator().state.expireAccessTokens();
			};

			const { output } = await runWorkflow({
				parameters: { ...associationParameters('delete'), requestSettings: { maxConcurrency: 12 } },
				items,
				credentials: clientCredentials(emulator()),
			});

			expect(output.map((o) => o.json.success)).toEqual(Array(12).fill(true));
			expect(emulator().apiRequests().filter((r) => r.status === 401).length).toBeGreaterThanOrEqual(4);
			expect(emulator().tokenRequests()).toHaveLength(2);
		});

		it('renews a token that expired between two scheduled runs', async () => {
			const items = seedPairs(emulator(), 2);
			const credentialsHelper = newCredentialsHelper(clientCredentials(emulator()));

			await runWorkflow({ parameters: associationParameters('delete'), items: items.slice(0, 1), credentials: {}, credentialsHelper });
			emulator().state.expireAccessTokens();
			const second = await runWorkflow({ parameters: associationParameters('delete'), items: items.slice(1), credentials: {}, credentialsHelper });

			expect(second.error).toBeUndefined();
			expect(second.output[0].json.success).toBe(true);
			expect(emulator().tokenRequests()).toHaveLength(2);
			expect(emulator().apiRequests().map((r) => r.status)).toEqual([204, 401, 401, 204]);
		});

		it('reuses a stored token in the next run instead of fetching a new one', async () => {
			const items = seedPairs(emulator(), 2);
			const credentialsHelper = newCredentialsHelper(clientCredentials(emulator()));

			await runWorkflow({ parameters: associationParameters('delete'), items: items.slice(0, 1), credentials: {}, credentialsHelper });
			await runWorkflow({ parameters: associationParameters('delete'), items: items.slice(1), credentials: {}, credentialsHelper });

			expect(emulator().tokenRequests()).toHaveLength(1);
		});

		it('says what is wrong when the client secret is refused, without the secret', async () => {
			seedPairs(emulator(), 1);

			const { error } = await runWorkflow({
				parameters: associationParameters('delete'),
				items: [{ cartId: 'cart-1', customerId: 'cust-1' }],
				credentials: clientCredentials(emulator(), { clientSecret: 'wrong-secret-value' }),
			});

			expect(error?.message).toBe(
				'Elastic Path refused to issue an access token (HTTP 401: Unauthorized: Invalid client credentials): check the Client ID, Client Secret and region/Base URL',
			);
			expect(JSON.stringify(error)).not.toContain('wrong-secret-value');
			expect(emulator().apiRequests()).toHaveLength(0);
		});
	});

	describe('implicit', () => {
		it('fetches an implicit token with the client ID only and sends the customer token', async () => {
			emulator().state.addCart('cart-1', { customers: ['cust-1'] });
			const customerToken = emulator().state.issueCustomerToken('cust-1');

			const { output, error } = await runWorkflow({
				parameters: associationParameters('delete'),
				items: [{ cartId: 'cart-1', customerId: 'cust-1' }],
				credentials: implicitCredentials(emulator(), { customerToken }),
			});

			expect(error).toBeUndefined();
			expect(output[0].json.success).toBe(true);
			expect(Object.fromEntries(new URLSearchParams(emulator().tokenRequests()[0].body))).toEqual({
				grant_type: 'implicit',
				client_id: 'test-client-id',
			});
			const [request] = emulator().apiRequests();
			expect(request.headers.authorization).toMatch(/^Bearer ep_imp_/);
			expect(request.headers['x-moltin-customer-token']).toBe(customerToken);
		});

		it('is refused (403) for a cart the customer does not own', async () => {
			emulator().state.addCart('cart-1', { customers: ['someone-else'] });
			const customerToken = emulator().state.issueCustomerToken('cust-1');

			const { error } = await runWorkflow({
				parameters: associationParameters('delete'),
				items: [{ cartId: 'cart-1', customerId: 'cust-1' }],
				credentials: implicitCredentials(emulator(), { customerToken }),
			});

			expect(error?.message).toBe(
				'Elastic Path answered 403: Customer does not have the required permissions to fulfill this request',
			);
			expect(JSON.stringify(error)).not.toContain(customerToken);
		});
	});

	describe('access token', () => {
		it('sends the pasted token as is and fetches nothing', async () => {
			seedPairs(emulator(), 1);
			const { token } = emulator().state.issueAccessToken('client_credentials', 'test-client-id', 3600);

			const { output } = await runWorkflow({
				parameters: associationParameters('delete'),
				items: [{ cartId: 'cart-1', customerId: 'cust-1' }],
				credentials: { region: 'custom', baseUrl: emulator().baseUrl, authType: 'accessToken', accessToken: token },
			});

			expect(output[0].json.success).toBe(true);
			expect(emulator().tokenRequests()).toHaveLength(0);
			expect(emulator().apiRequests()[0].headers.authorization).toBe(`Bearer ${token}`);
		});

		it('fails with a clear 401 once the pasted token has expired', async () => {
			seedPairs(emulator(), 1);
			const { token } = emulator().state.issueAccessToken('client_credentials', 'test-client-id', 3600);
			emulator().state.expireAccessTokens();

			const { error } = await runWorkflow({
				parameters: associationParameters('delete'),
				items: [{ cartId: 'cart-1', customerId: 'cust-1' }],
				credentials: { region: 'custom', baseUrl: emulator().baseUrl, authType: 'accessToken', accessToken: token },
			});

			expect(error?.message).toBe('Elastic Path answered 401: Unable to validate access token');
			expect(JSON.stringify(error)).not.toContain(token);
		});
	});

	describe('customer token', () => {
		it("uses the item's Customer Token option instead of the credential's", async () => {
			emulator().state.addCart('cart-1', { customers: ['cust-1'] });
			emulator().state.addCart('cart-2', { customers: ['cust-2'] });
			const credentialToken = emulator().state.issueCustomerToken('cust-1');
			const itemToken = emulator().state.issueCustomerToken('cust-2');

			const { output, error } = await runWorkflow({
				parameters: { ...associationParameters('delete'), options: { customerToken: '={{ $json.token }}' } },
				items: [
					{ cartId: 'cart-1', customerId: 'cust-1', token: '' },
					{ cartId: 'cart-2', customerId: 'cust-2', token: itemToken },
				],
				credentials: implicitCredentials(emulator(), { customerToken: credentialToken }),
			});

			expect(error).toBeUndefined();
			expect(output.map((o) => o.json.success)).toEqual([true, true]);
			expect(emulator().apiRequests().map((r) => r.headers['x-moltin-customer-token'])).toEqual([credentialToken, itemToken]);
		});
	});
});
