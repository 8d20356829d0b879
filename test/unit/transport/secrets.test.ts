import { isSecretField, redactValue, secretsIn } from '../../../nodes/ElasticPath/transport/secrets';

describe('redaction', () => {
	it('decides what a secret is for credential fields and node options alike', () => {
		expect(['clientSecret', 'accessToken', 'sessionToken', 'customerToken', 'accountToken'].every(isSecretField)).toBe(true);
		expect(['clientId', 'baseUrl', 'region', 'cartId'].some(isSecretField)).toBe(false);
		expect(secretsIn({ clientId: 'id-1234', clientSecret: 's3cret', customerToken: '', accountToken: 42 })).toEqual(['s3cret']);
	});

	it.each([
		['a known secret anywhere', 'it was s3cret-value!', 'it was **hidden**!'],
		['a bearer', 'Authorization: Bearer abc.def-ghi', 'Authorization: Bearer **hidden**'],
		['form fields', 'grant_type=x&client_secret=abc&access_token=def', 'grant_type=x&client_secret=**hidden**&access_token=**hidden**'],
		['JSON fields', '{"refresh_token": "a\\"b", "client_secret":"c"}', '{"refresh_token": "**hidden**", "client_secret":"**hidden**"}'],
		['a value in brackets, keeping them', '(client_secret=abc)', '(client_secret=**hidden**)'],
	])('removes %s from text', (_what, text, clean) => {
		expect(redactValue(text, ['s3cret-value'])).toBe(clean);
	});

	it('leaves ordinary text and short values alone', () => {
		expect(redactValue('Cart not found', ['a', ''])).toBe('Cart not found');
	});

	it('cleans every string of a body, and secret-named fields whole', () => {
		expect(redactValue({ errors: [{ detail: 'got tok-12345' }], access_token: 'opaque', n: 1 }, ['tok-12345'])).toEqual({
			errors: [{ detail: 'got **hidden**' }],
			access_token: '**hidden**',
			n: 1,
		});
		expect(redactValue(Buffer.from('Bearer x1'), [])).toBe('Bearer **hidden**');
	});
});
