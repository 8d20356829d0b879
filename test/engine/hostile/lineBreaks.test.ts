import { runWorkflow } from '../../../testkit/engine/runWorkflow';
import { associationParameters, cartParameters, clientCredentials, seedPairs, useEmulator } from '../fixtures';

describe('a customer or account token with a line break', () => {
	const emulator = useEmulator();

	it.each(['customerToken', 'accountToken'])('in an item\'s %s option fails that item up front, naming the item and the field', async (option) => {
		const items = seedPairs(emulator(), 3).map((item, index) => ({ ...item, token: index === 1 ? 'abc\r\nX-Injected: 1' : '' }));

		const { output } = await runWorkflow({
			parameters: cartParameters('get', { cartId: '={{ $json.cartId }}', options: { [option]: '={{ $json.token }}' } }),
			items,
			credentials: clientCredentials(emulator()),
			continueOnFail: true,
		});

		expect(output.map((o) => o.json.id)).toEqual(['cart-1', undefined, 'cart-3']);
		expect(output[1].json.error).toBe(
			`The ${option === 'customerToken' ? 'Customer' : 'Account'} Token option contains a line break (item 1, field "options.${option}")`,
		);
		expect(emulator().apiRequests().filter((request) => request.url.includes('cart-2'))).toEqual([]);
	});

	it.each(['customerToken', 'accountToken'])('in the credential\'s %s fails every item, naming the field, without sending', async (field) => {
		const items = seedPairs(emulator(), 2);

		const { output } = await runWorkflow({
			parameters: associationParameters('delete'),
			items,
			credentials: clientCredentials(emulator(), { [field]: 'abc\nX-Injected: 1' }),
			continueOnFail: true,
		});

		expect(output.map((o) => o.json.error)).toEqual(
			Array(2).fill(`The credential field "${field}" contains a line break: a token is one line of text`),
		);
		expect(emulator().apiRequests()).toEqual([]);
	});
});
