/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @typescript-eslint/no-require-imports -- the test reads the registry of the node module the engine loaded from dist/ */
import path from 'node:path';

import { DEFAULT_CLIENT } from '../../testkit/emulator/EpccEmulator';
import { runWorkflow } from '../../testkit/engine/runWorkflow';
import { associationParameters, clientCredentials, seedPairs, useEmulator } from './fixtures';

// The node's module as the engine loaded it: its registry of stores is the one the runs share.
const { knownStoreCount } = require(path.join(__dirname, '../../dist/nodes/ElasticPath/transport/rate/index.js')) as {
	knownStoreCount: () => number;
};

const OTHER_CLIENT = { clientId: 'other-client-id', clientSecret: 'other-client-secret' };

describe('one learned rate per store, shared by the executions of a process', () => {
	const emulator = useEmulator({ clients: [DEFAULT_CLIENT, OTHER_CLIENT], rateLimit: 30, latencyMs: 20 });

	it('runs two executions at once against one store: every item in its own execution, together within the limit', async () => {
		const items = seedPairs(emulator(), 120);
		const before = knownStoreCount();

		const [first, second] = await Promise.all([
			runWorkflow({ parameters: associationParameters('delete'), items: items.slice(0, 60), credentials: clientCredentials(emulator()) }),
			runWorkflow({ parameters: associationParameters('delete'), items: items.slice(60), credentials: clientCredentials(emulator()) }),
		]);

		expect(first.output.map((item) => item.json.cartId)).toEqual(items.slice(0, 60).map((item) => item.cartId));
		expect(second.output.map((item) => item.json.cartId)).toEqual(items.slice(60).map((item) => item.cartId));
		expect([...first.output, ...second.output].every((item) => item.json.success === true)).toBe(true);
		expect(knownStoreCount()).toBe(before + 1);
		// Each execution alone would start at 20/s; together they would send 40/s into a 30/s store.
		const answers = emulator().apiRequests();
		expect(answers.filter((request) => request.status === 429).length / answers.length).toBeLessThanOrEqual(0.1);
	});

	it('keeps a separate rate for another client ID on the same host', async () => {
		const items = seedPairs(emulator(), 4);
		const before = knownStoreCount();

		await runWorkflow({ parameters: associationParameters('delete'), items: items.slice(0, 2), credentials: clientCredentials(emulator()) });
		await runWorkflow({
			parameters: associationParameters('delete'),
			items: items.slice(2),
			credentials: clientCredentials(emulator(), OTHER_CLIENT),
		});

		expect(knownStoreCount()).toBe(before + 2);
	});

	it('leaves the shared pacer usable after an execution is cancelled while its requests wait', async () => {
		const items = seedPairs(emulator(), 230);

		const cancelled = await runWorkflow({
			parameters: associationParameters('delete'),
			items: items.slice(0, 200),
			credentials: clientCredentials(emulator()),
			cancelAfterMs: 600,
		});
		const next = await runWorkflow({
			parameters: associationParameters('delete'),
			items: items.slice(200),
			credentials: clientCredentials(emulator()),
		});

		expect(cancelled.run.status).toBe('canceled');
		expect(next.output.map((item) => [item.json.cartId, item.json.success])).toEqual(
			items.slice(200).map((item) => [item.cartId, true]),
		);
	});
});
