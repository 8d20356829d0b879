/** Unit and engine tests: fast, in-process, against the emulator on 127.0.0.1. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '\\.e2e\\.test\\.ts$', '\\.queue\\.test\\.ts$'],
	// Type checking is `npm run typecheck`; here ts-jest only transpiles, which keeps runs fast.
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	setupFiles: ['<rootDir>/test/setupEnv.ts'],
	// Concurrent tests (the fault matrix) mostly wait on timeouts and backoffs.
	maxConcurrency: 12,
	testTimeout: 30000,
};
