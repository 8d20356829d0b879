import { runWorkflow } from '../../../testkit/engine/runWorkflow';
import { accountAssociationParameters, clientCredentials, implicitCredentials, useEmulator } from '../fixtures';

const ACCOUNT_TOKEN_HEADER = 'ep-account-management-authentication-token';

describe('Account Cart Association › Add Account To Cart', () => {
	const emulator = useEmulator();

	it('sends exactly the documented request and creates the association', async () => {
		emulator().state.addCart('cart-1');
		emulator().state.addAccount('acc-1');

		const { output, error } = await runWorkflow({
			parameters: accountAssociationParameters('create'),
			items: [{ cartId: ' cart-1 ', accountId: 'acc-1\n' }],
			credentials: clientCredentials(emulator()),
		});

		expect(error).toBeUndefined();
		expect(output).toEqual([{ json: { cartId: 'cart-1', accountId: 'acc-1', success: true }, pairedItem: { item: 0 } }]);
		const [request] = emulator().apiRequests();
		expect([request.method, request.url, request.status]).toEqual(['POST', '/v2/carts/cart-1/relationships/accounts', 200]);
		expect(JSON.parse(request.body)).toEqual({ data: [{ type: 'account', id: 'acc-1' }] });
		expect(request.headers['content-type']).toBe('application/json');
		expect(request.headers[ACCOUNT_TOKEN_HEADER]).toBeUndefined();
		expect([...emulator().state.carts.get('cart-1')!.accounts]).toEqual(['acc-1']);
	});

	it("sends the credential's account token, and the item's Account Token option instead when set", async () => {
		emulator().state.addCart('cart-1');
		emulator().state.addCart('cart-2');
		const credentialToken = emulator().state.issueAccountToken('acc-1');
		const itemToken = emulator().state.issueAccountToken('acc-2');

		const { output, error } = await runWorkflow({
			parameters: accountAssociationParameters('create', { accountToken: '={{ $json.token }}' }),
			items: [
				{ cartId: 'cart-1', accountId: 'acc-1', token: '' },
				{ cartId: 'cart-2', accountId: 'acc-2', token: ` ${itemToken} ` },
			],
			credentials: implicitCredentials(emulator(), { accountToken: credentialToken }),
		});

		expect(error).toBeUndefined();
		expect(output.map((o) => o.json.success)).toEqual([true, true]);
		const tokenByCart = Object.fromEntries(emulator().apiRequests().map((r) => [r.url.split('/')[3], r.headers[ACCOUNT_TOKEN_HEADER]]));
		expect(tokenByCart).toEqual({ 'cart-1': credentialToken, 'cart-2': itemToken });
		expect(JSON.stringify(output)).not.toContain(itemToken);
	});

	it('counts 204 (already associated) as success', async () => {
		emulator().state.addCart('cart-1', { accounts: ['acc-1'] });

		const { output } = await runWorkflow({
			parameters: accountAssociationParameters('create'),
			items: [{ cartId: 'cart-1', accountId: 'acc-1' }],
			credentials: clientCredentials(emulator()),
		});

		expect(emulator().apiRequests()[0].status).toBe(204);
		expect(output[0].json).toEqual({ cartId: 'cart-1', accountId: 'acc-1', success: true });
	});

	it('reports the 422 Elastic Path gives for carts with contact emails', async () => {
		emulator().state.addCart('cart-1', { contactEmail: 'shopper@example.com' });
		emulator().state.addAccount('acc-1');

		const { error } = await runWorkflow({
			parameters: accountAssociationParameters('create'),
			items: [{ cartId: 'cart-1', accountId: 'acc-1' }],
			credentials: clientCredentials(emulator()),
		});

		expect(error?.message).toBe(
			'Elastic Path answered 422: Cannot associate accounts to carts with contact emails: Unable to associate accounts to carts with contact emails attached.',
		);
	});
});
