/* eslint-disable @n8n/community-nodes/no-restricted-imports -- reads n8n's log file to search it for secrets */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { sleep } from 'n8n-workflow';

import { DEFAULT_CLIENT, EpccEmulator, isApiRequest } from '../../../testkit/emulator/EpccEmulator';
import type { OnError } from '../../../testkit/engine/runWorkflow';
import { runWorkflow } from '../../../testkit/engine/runWorkflow';
import { N8N_LOG_FILE } from '../../setupEnv';
import { clientCredentials } from '../fixtures';
import { faultCases } from './cases';
import { hostileCases } from './hostileCases';
import { matrixOperations } from './operations';
import { leakedSecrets } from './secrets';

// A recognisable client secret, searched for everywhere after each case.
const PLANTED_CLIENT_KEY = `planted-${randomBytes(8).toString('hex')}`;

const ON_ERROR_SETTINGS: OnError[] = ['continueRegularOutput', 'continueErrorOutput', 'stopWorkflow'];

/** Every secret any case used, to search n8n's log for once all cases have run. */
const usedSecrets = new Set<string>([PLANTED_CLIENT_KEY]);

describe('fault matrix', () => {
	// Each case has its own emulator, so that cases run concurrently: most of their time is
	// spent waiting (timeouts, backoffs, Retry-After).
	const stopAll: Array<() => Promise<void>> = [];
	afterAll(async () => await Promise.all(stopAll.map((stop) => stop())));

	describe.each(matrixOperations)('$name', (operation) => {
		describe.each([
			{ group: 'a well-behaved API having a bad day', cases: faultCases },
			{ group: 'hostile server', cases: hostileCases },
		])('$group', ({ cases }) => describe.each(cases)('$name', (fault) => {
			it.concurrent.each(ON_ERROR_SETTINGS)('On Error: %s: the expected outcome, one output per input, no secret anywhere', async (onError) => {
				const store = new EpccEmulator({ clients: [{ clientId: DEFAULT_CLIENT.clientId, clientSecret: PLANTED_CLIENT_KEY }] });
				await store.start();
				stopAll.push(() => store.stop());
				const emulator = () => store;
				const planted = {
					customerToken: emulator().state.issueCustomerToken('x-1'),
					accountToken: emulator().state.issueAccountToken('x-1'),
					more: [] as string[],
				};
				const items = operation.seed(emulator(), planted);
				fault.arrange(emulator(), (request) => isApiRequest(request) && operation.isMiddle(request, items));

				const { output, errorOutput, error, run } = await runWorkflow({
					typeVersion: operation.typeVersion,
					parameters: operation.parameters,
					items,
					credentials: clientCredentials(emulator(), {
						clientSecret: PLANTED_CLIENT_KEY,
						// The associations act as "x-1"; the reads as the administrator.
						...(operation.actsAsX1 ? { customerToken: planted.customerToken, accountToken: planted.accountToken } : {}),
					}),
					onError,
				});

				const expected = operation.overrides?.[fault.name] ?? fault.expected;
				const succeeded = (index: number) => ({ json: operation.success(items[index]), pairedItem: { item: index } });
				// Through the regular output a failed item says what went wrong in `json`; through the error
				// output in the shape n8n moves there, `{ message, error: {...} }`, with the input's fields added.
				const failed = (index: number, message: string, httpCode?: string, description?: string) => {
					const details = {
						...(httpCode ? { httpCode } : {}),
						...(description ? { [onError === 'continueErrorOutput' ? 'description' : 'errorDescription']: expect.stringContaining(description) } : {}),
					};
					return {
						json:
							onError === 'continueErrorOutput'
								? { ...items[index], message, error: expect.objectContaining({ message, ...details }) }
								: expect.objectContaining({ error: message, ...details }),
						pairedItem: { item: index },
					};
				};
				const failures =
					expected.kind === 'success'
						? []
						: expected.kind === 'error'
							? [failed(1, expected.message, expected.httpCode, expected.description)]
							: items.map((_item, index) => failed(index, expected.message));
				const successes = items.map((_item, index) => index).filter((index) => expected.kind === 'success' || (expected.kind === 'error' && index !== 1));

				if (expected.kind === 'success') {
					expect(error).toBeUndefined();
					expect(output).toEqual(items.map((_item, index) => succeeded(index)));
					expect(errorOutput).toEqual([]);
				} else if (onError === 'continueRegularOutput') {
					expect(error).toBeUndefined();
					expect(output).toEqual(
						expected.kind === 'error' ? [succeeded(0), failures[0], succeeded(2)] : failures,
					);
					expect(errorOutput).toEqual([]);
				} else if (onError === 'continueErrorOutput') {
					expect(error).toBeUndefined();
					expect(output).toEqual(successes.map(succeeded));
					expect(errorOutput).toEqual(failures);
				} else {
					expect(output).toEqual([]);
					expect(error?.message).toEqual(expected.message);
					if (expected.kind === 'error' && expected.description) expect(error?.description).toContain(expected.description);
				}

				const secrets = [PLANTED_CLIENT_KEY, planted.customerToken, planted.accountToken, ...planted.more, ...emulator().state.accessTokens.keys()];
				secrets.forEach((secret) => usedSecrets.add(secret));
				// The node's own run data (the items fed to it may hold tokens: that is the user's data).
				// n8n adds the input item's fields to an error-output item; what the node wrote is the rest.
				// Its outputs are searched as `output` and `written`; the rest of its run data as it is.
				const nodeRun = run.data.resultData.runData['Elastic Path'].map((taskData) => ({ ...taskData, data: undefined }));
				const written = errorOutput.map(({ json }) => ({ message: json.message, error: json.error }));
				expect(leakedSecrets({ output, written, error, nodeRun, workflowError: run.data.resultData.error }, secrets)).toEqual([]);
			});
		}));
	});

	afterAll(async () => {
		// n8n writes its log asynchronously.
		await sleep(300);
		const log = existsSync(N8N_LOG_FILE) ? readFileSync(N8N_LOG_FILE, 'utf8') : '';
		expect(log.length).toBeGreaterThan(0);
		expect([...usedSecrets].filter((secret) => log.includes(secret))).toEqual([]);
	});
});
