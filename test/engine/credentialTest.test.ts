import { clientCredentials, implicitCredentials, useEmulator } from './fixtures';
import { testCredential } from './testCredential';

describe('the credential "Test" button', () => {
	const emulator = useEmulator();

	it('succeeds for valid client credentials with one harmless GET', async () => {
		const result = await testCredential(clientCredentials(emulator()));

		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		const [request] = emulator().apiRequests();
		expect(request.method).toBe('GET');
		expect(request.url).toBe('/v2/carts?page%5Blimit%5D=1');
	});

	it('says the client credentials were refused, without the secret', async () => {
		const result = await testCredential(clientCredentials(emulator(), { clientSecret: 'not-the-secret' }));

		expect(result.status).toBe('Error');
		expect(result.message).toBe(
			'Elastic Path refused to issue an access token (HTTP 401: Unauthorized: Invalid client credentials): check the Client ID, Client Secret and region/Base URL',
		);
	});

	it('says a pasted token is refused', async () => {
		const result = await testCredential({
			region: 'custom',
			baseUrl: emulator().baseUrl,
			authType: 'accessToken',
			accessToken: 'expired-or-wrong',
		});

		expect(result).toEqual({
			status: 'Error',
			message: 'Elastic Path did not accept the access token: check the credential values and the region/Base URL',
		});
	});

	it('says an implicit token without a customer token may not list carts', async () => {
		const result = await testCredential(implicitCredentials(emulator()));

		expect(result).toEqual({
			status: 'Error',
			message:
				'The credentials are valid but may not list carts: use Client Credentials, or add a customer token to an implicit credential',
		});
	});

	it('refuses an http:// host that is not loopback', async () => {
		const result = await testCredential({ ...clientCredentials(emulator()), baseUrl: 'http://10.1.2.3' });

		expect(result.status).toBe('Error');
		expect(result.message).toContain('Refusing to send Elastic Path credentials over plain http://');
	});
});
