/**
 * End-to-end: the packed package in real n8n processes, once per n8n line (a jest project each).
 * Slow: installs each n8n into a cache folder on first use. N8N_E2E_VERSIONS=2.40.5 runs one line only.
 */
const unit = require('./jest.config');

const versions = process.env.N8N_E2E_VERSIONS ? process.env.N8N_E2E_VERSIONS.split(',') : require('./testkit/n8n/n8n-versions.json');

module.exports = {
	testTimeout: 20 * 60 * 1000,
	// The suites mostly wait on n8n processes: two at a time keeps both lines moving on a small machine.
	maxWorkers: 2,
	projects: versions.map((version) => ({
		displayName: `n8n ${version}`,
		testEnvironment: unit.testEnvironment,
		roots: unit.roots,
		transform: unit.transform,
		setupFiles: unit.setupFiles,
		testMatch: ['**/*.e2e.test.ts'],
		globals: { N8N_E2E_VERSION: version },
	})),
};
