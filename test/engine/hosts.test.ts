import { DEFAULT_CLIENT } from '../../testkit/emulator/EpccEmulator';
import { runWorkflow } from '../../testkit/engine/runWorkflow';
import { associationParameters, useEmulator } from './fixtures';

describe('where the credential may send secrets', () => {
	const emulator = useEmulator();

	it.each([
		['clientCredentials', { ...DEFAULT_CLIENT }],
		['implicit', { clientId: DEFAULT_CLIENT.clientId }],
		['accessToken', { accessToken: 'pasted-token-value' }],
	])('refuses http:// to a non-loopback host before anything is sent (%s)', async (authType, secrets) => {
		const started = Date.now();
		const { error } = await runWorkflow({
			parameters: associationParameters('delete'),
			items: [{ cartId: 'cart-1', customerId: 'cust-1' }],
			credentials: { region: 'custom', baseUrl: 'http://epcc.example.com', authType, ...secrets },
		});

		expect(error?.message).toBe(
			'Refusing to send Elastic Path credentials over plain http:// to "epcc.example.com": use https:// (http:// is only allowed for localhost, 127.0.0.0/8 and [::1])',
		);
		expect(Date.now() - started).toBeLessThan(1000);
		expect(JSON.stringify(error)).not.toContain('pasted-token-value');
		expect(JSON.stringify(error)).not.toContain(DEFAULT_CLIENT.clientSecret);
	});

	it('accepts http:// on localhost', async () => {
		emulator().state.addCart('cart-1', { customers: ['cust-1'] });

		const { output } = await runWorkflow({
			parameters: associationParameters('delete'),
			items: [{ cartId: 'cart-1', customerId: 'cust-1' }],
			credentials: {
				region: 'custom',
				baseUrl: emulator().baseUrl.replace('127.0.0.1', 'localhost') + '/',
				authType: 'clientCredentials',
				...DEFAULT_CLIENT,
			},
		});

		expect(output[0].json.success).toBe(true);
	});

	it('does not follow a redirect to another host with the token', async () => {
		emulator().failNext({ kind: 'answer', answer: { status: 307, headers: { Location: 'http://127.0.0.2:9/steal' }, text: '' } });

		const { error } = await runWorkflow({
			parameters: associationParameters('delete'),
			items: [{ cartId: 'cart-1', customerId: 'cust-1' }],
			credentials: { region: 'custom', baseUrl: emulator().baseUrl, authType: 'clientCredentials', ...DEFAULT_CLIENT },
		});

		expect(error?.message).toBe('Elastic Path answered 307 with no error details');
		expect(emulator().apiRequests()).toHaveLength(1);
	});
});
