/* eslint-disable @n8n/community-nodes/no-restricted-imports -- reads n8n's log file to search it for secrets */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { sleep } from 'n8n-workflow';

import { isApiRequest } from '../../emulator/EpccEmulator';
import { N8N_LOG_FILE } from '../../setupEnv';
import { clientCredentials, useEmulator } from '../fixtures';
import { runWorkflow } from '../runWorkflow';
import { faultCases } from './cases';
import { matrixOperations } from './operations';
import { leakedSecrets } from './secrets';

// A recognisable client secret, searched for everywhere after each case.
const PLANTED_CLIENT_KEY = `planted-${randomBytes(8).toString('hex')}`;

/** Every secret any case used, to search n8n's log for once all cases have run. */
const usedSecrets = new Set<string>([PLANTED_CLIENT_KEY]);

describe('fault matrix', () => {
	const emulator = useEmulator({ clients: [{ clientId: 'test-client-id', clientSecret: PLANTED_CLIENT_KEY }] });

	describe.each(matrixOperations)('$name', (operation) => {
		describe.each(faultCases)('$name', (fault) => {
			it.each([
				['with Continue On Fail', true],
				['without Continue On Fail', false],
			])('%s: the expected outcome, one output per input, no secret anywhere', async (_label, continueOnFail) => {
				const customerToken = emulator().state.issueCustomerToken('cust-1');
				const items = operation.seed(emulator(), { customerToken });
				fault.arrange(emulator(), (request) => isApiRequest(request) && operation.isMiddle(request.url));

				const { output, error, run } = await runWorkflow({
					parameters: operation.parameters,
					items,
					credentials: clientCredentials(emulator(), { clientSecret: PLANTED_CLIENT_KEY, customerToken }),
					continueOnFail,
				});

				const expected = operation.overrides?.[fault.name] ?? fault.expected;
				const succeeded = (index: number) => ({ json: operation.success(items[index]), pairedItem: { item: index } });
				const failed = (index: number, message: string, httpCode?: string, description?: string) => ({
					json: expect.objectContaining({
						error: message,
						...(httpCode ? { httpCode } : {}),
						...(description ? { errorDescription: expect.stringContaining(description) } : {}),
					}),
					pairedItem: { item: index },
				});
				if (expected.kind === 'success') {
					expect(error).toBeUndefined();
					expect(output).toEqual(items.map((_item, index) => succeeded(index)));
				} else if (continueOnFail) {
					expect(error).toBeUndefined();
					expect(output).toEqual(
						expected.kind === 'error'
							? [succeeded(0), failed(1, expected.message, expected.httpCode, expected.description), succeeded(2)]
							: items.map((_item, index) => failed(index, expected.message)),
					);
				} else {
					expect(output).toEqual([]);
					expect(error?.message).toBe(expected.message);
					if (expected.kind === 'error' && expected.description) expect(error?.description).toContain(expected.description);
				}

				const secrets = [PLANTED_CLIENT_KEY, customerToken, ...emulator().state.accessTokens.keys()];
				secrets.forEach((secret) => usedSecrets.add(secret));
				expect(leakedSecrets({ output, error, resultData: run.data.resultData }, secrets)).toEqual([]);
			});
		});
	});

	afterAll(async () => {
		// n8n writes its log asynchronously.
		await sleep(300);
		const log = existsSync(N8N_LOG_FILE) ? readFileSync(N8N_LOG_FILE, 'utf8') : '';
		expect(log.length).toBeGreaterThan(0);
		expect([...usedSecrets].filter((secret) => log.includes(secret))).toEqual([]);
	});
});
