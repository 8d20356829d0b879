/** End-to-end: the packed package in a real n8n process. Slow (installs n8n into a cache on first use). */
module.exports = {
	...require('./jest.config'),
	testMatch: ['**/*.e2e.test.ts'],
	testPathIgnorePatterns: ['/node_modules/'],
	testTimeout: 20 * 60 * 1000,
};
