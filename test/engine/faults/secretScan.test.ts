import { leakedSecrets, reachableStrings } from './secrets';

describe('the secret scan', () => {
	it('looks into non-enumerable properties and causes, where n8n keeps request options', () => {
		const inner = new Error('request failed');
		Object.defineProperty(inner, 'config', { value: { headers: { Authorization: 'Bearer hidden-token' } }, enumerable: false });
		const outer = new Error('wrapped', { cause: inner });

		expect(reachableStrings(outer)).toContain('Bearer hidden-token');
		expect(leakedSecrets({ error: outer }, ['hidden-token', 'absent'])).toEqual(['hidden-token']);
	});
});
