import { resolveBaseUrl } from '../../../nodes/ElasticPath/transport/credential';

describe('resolveBaseUrl', () => {
	it.each([
		[{}, 'https://useast.api.elasticpath.com'],
		[{ region: 'useast' }, 'https://useast.api.elasticpath.com'],
		[{ region: 'euwest' }, 'https://euwest.api.elasticpath.com'],
		[{ region: 'custom', baseUrl: 'https://epcc.example.com/' }, 'https://epcc.example.com'],
		[{ region: 'custom', baseUrl: ' https://epcc.example.com/api// ' }, 'https://epcc.example.com/api'],
		[{ region: 'custom', baseUrl: 'http://localhost:4010' }, 'http://localhost:4010'],
		[{ region: 'custom', baseUrl: 'http://127.0.0.1:4010' }, 'http://127.0.0.1:4010'],
		[{ region: 'custom', baseUrl: 'http://127.9.8.7' }, 'http://127.9.8.7'],
		[{ region: 'custom', baseUrl: 'http://127.1:8080' }, 'http://127.0.0.1:8080'],
		[{ region: 'custom', baseUrl: 'http://[::1]:4010' }, 'http://[::1]:4010'],
	])('%j → %s', (settings, expected) => {
		expect(resolveBaseUrl(settings)).toBe(expected);
	});

	it.each([
		['http://epcc.example.com', /plain http:\/\/ to "epcc.example.com"/],
		['http://128.0.0.1', /plain http:\/\//],
		['http://localhost.evil.example', /plain http:\/\//],
		['http://127.0.0.1.nip.io', /plain http:\/\//],
		['http://[::ffff:7f00:1]', /plain http:\/\//],
		['http://10.0.0.5:8080', /plain http:\/\//],
		['https://user:pass@epcc.example.com', /must not contain a user name or password/],
		['https://epcc.example.com/?x=1', /must not contain a query string/],
		['ftp://epcc.example.com', /must start with https:\/\//],
		['epcc.example.com', /not a valid URL/],
		['', /Base URL is empty/],
	])('refuses %j', (baseUrl, message) => {
		expect(() => resolveBaseUrl({ region: 'custom', baseUrl })).toThrow(message);
	});

	it('never repeats a password from the URL in its error', () => {
		expect(() => resolveBaseUrl({ region: 'custom', baseUrl: 'http://user:hunter2@evil.example' })).toThrow(
			expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
		);
	});

	it('refuses an unknown region', () => {
		expect(() => resolveBaseUrl({ region: 'mars' })).toThrow('Unknown Elastic Path region "mars"');
	});
});
