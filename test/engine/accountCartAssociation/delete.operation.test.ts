import { runWorkflow } from '../../../testkit/engine/runWorkflow';
import { accountAssociationParameters, clientCredentials, implicitCredentials, useEmulator } from '../fixtures';

describe('Account Cart Association › Remove Account From Cart', () => {
	const emulator = useEmulator();

	it('sends exactly the documented request and removes the association', async () => {
		emulator().state.addCart('cart-1', { accounts: ['acc-1'] });

		const { output, error } = await runWorkflow({
			parameters: accountAssociationParameters('delete'),
			items: [{ cartId: 'cart-1', accountId: 'acc-1' }],
			credentials: clientCredentials(emulator()),
		});

		expect(error).toBeUndefined();
		expect(output).toEqual([{ json: { cartId: 'cart-1', accountId: 'acc-1', success: true }, pairedItem: { item: 0 } }]);
		const [request] = emulator().apiRequests();
		expect([request.method, request.url, request.status]).toEqual(['DELETE', '/v2/carts/cart-1/relationships/accounts', 204]);
		expect(JSON.parse(request.body)).toEqual({ data: [{ type: 'account', id: 'acc-1' }] });
		expect(emulator().state.carts.get('cart-1')!.accounts.size).toBe(0);
	});

	it('keeps a hostile cart ID in its path segment', async () => {
		emulator().state.addCart('../../oauth/access_token', { accounts: ['acc-1'] });

		const { output } = await runWorkflow({
			parameters: accountAssociationParameters('delete'),
			items: [{ cartId: '../../oauth/access_token', accountId: 'acc-1' }],
			credentials: clientCredentials(emulator()),
		});

		expect(output[0].json.success).toBe(true);
		expect(emulator().apiRequests()[0].url).toBe('/v2/carts/..%2F..%2Foauth%2Faccess_token/relationships/accounts');
	});

	it("is refused (403) with another account's token, without showing the token", async () => {
		emulator().state.addCart('cart-1', { accounts: ['acc-1'] });
		const accountToken = emulator().state.issueAccountToken('acc-2');

		const { error } = await runWorkflow({
			parameters: accountAssociationParameters('delete'),
			items: [{ cartId: 'cart-1', accountId: 'acc-1' }],
			credentials: implicitCredentials(emulator(), { accountToken }),
		});

		expect(error?.message).toBe('Elastic Path answered 403: Account does not have the required permissions to fulfill this request');
		expect(error?.message + (error?.description ?? '')).not.toContain(accountToken);
		expect(emulator().state.carts.get('cart-1')!.accounts.size).toBe(1);
	});

	describe('when the association or cart does not exist (undocumented: an option decides)', () => {
		it('fails with the 404 by default', async () => {
			const { error } = await runWorkflow({
				parameters: accountAssociationParameters('delete'),
				items: [{ cartId: 'no-such-cart', accountId: 'acc-1' }],
				credentials: clientCredentials(emulator()),
			});

			expect(error?.message).toBe('Elastic Path answered 404: Not Found: Cart not found');
		});

		it('counts it as removed, flagged notFound, with "Treat Not Found as Success"', async () => {
			const { output } = await runWorkflow({
				parameters: accountAssociationParameters('delete', { treatNotFoundAsSuccess: true }),
				items: [{ cartId: 'no-such-cart', accountId: 'acc-1' }],
				credentials: clientCredentials(emulator()),
			});

			expect(output[0].json).toEqual({ cartId: 'no-such-cart', accountId: 'acc-1', success: true, notFound: true });
		});
	});

	it('names the item and the field of bad IDs; with Continue On Fail each failed item keeps its IDs and the others go on', async () => {
		emulator().state.addCart('cart-1', { accounts: ['acc-1'] });
		emulator().state.addCart('cart-4', { accounts: ['acc-4'] });

		const { output, error } = await runWorkflow({
			parameters: accountAssociationParameters('delete'),
			items: [
				{ cartId: 'cart-1', accountId: 'acc-1' },
				{ cartId: 'cart-2', accountId: '  ' },
				{ cartId: '..', accountId: 'acc-3' },
				{ cartId: 'missing', accountId: 'acc-9' },
				{ cartId: 'cart-4', accountId: 'acc-4' },
			],
			credentials: clientCredentials(emulator()),
			continueOnFail: true,
		});

		expect(error).toBeUndefined();
		expect(output.map((o) => [o.json, o.pairedItem])).toEqual([
			[{ cartId: 'cart-1', accountId: 'acc-1', success: true }, { item: 0 }],
			[{ error: 'Account ID is empty (item 1, field "accountId")', errorDescription: expect.any(String), cartId: 'cart-2', accountId: '' }, { item: 1 }],
			[{ error: 'Cart ID cannot be "." or ".." (item 2, field "cartId")', errorDescription: expect.any(String), cartId: '..', accountId: 'acc-3' }, { item: 2 }],
			[
				{ error: 'Elastic Path answered 404: Not Found: Cart not found', errorDescription: expect.any(String), httpCode: '404', cartId: 'missing', accountId: 'acc-9' },
				{ item: 3 },
			],
			[{ cartId: 'cart-4', accountId: 'acc-4', success: true }, { item: 4 }],
		]);
		// Items run concurrently: which request came first does not matter.
		expect(emulator().apiRequests().map((r) => r.url).sort()).toEqual([
			'/v2/carts/cart-1/relationships/accounts',
			'/v2/carts/cart-4/relationships/accounts',
			'/v2/carts/missing/relationships/accounts',
		]);
	});
});
