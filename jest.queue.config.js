/**
 * n8n's queue mode (npm run test:queue): Redis and PostgreSQL servers from Debian's packages
 * (scripts/queue-services.sh), an n8n main process and two workers with the packed package.
 * N8N_QUEUE_VERSION picks another tested n8n.
 */
const unit = require('./jest.config');

module.exports = {
	testEnvironment: unit.testEnvironment,
	roots: unit.roots,
	transform: unit.transform,
	setupFiles: unit.setupFiles,
	testMatch: ['**/*.queue.test.ts'],
	testTimeout: 20 * 60 * 1000,
};
