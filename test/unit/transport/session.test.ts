import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { REMEMBER_RATE_MS } from '../../../nodes/ElasticPath/transport/rate';

type Session = typeof import('../../../nodes/ElasticPath/transport/session');

/** The transport as a newly started n8n process loads it: no store known yet. */
function newProcess(): Session {
	let loaded!: Session;
	jest.isolateModules(() => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh copy of the module's state per simulated process
		loaded = require('../../../nodes/ElasticPath/transport/session') as Session;
	});
	return loaded;
}

/** A node execution's context as the session reads it: the credential and the workflow's static data. */
function execution(clientId: string, credential: IDataObject = {}, memory: IDataObject = {}) {
	return {
		getNodeParameter: () => ({}),
		getExecutionCancelSignal: () => undefined,
		getWorkflowStaticData: () => memory,
		getCredentials: async () => ({ region: 'custom', baseUrl: 'http://127.0.0.1:1', authType: 'clientCredentials', clientId, clientSecret: 's', ...credential }),
	} as unknown as IExecuteFunctions;
}

async function startRate(transport: Session, context: IExecuteFunctions) {
	const session = transport.sessionFor(context);
	const pacer = await transport.pacerFor(context, session);
	return { session, pacer, rate: pacer.rate.currentRate };
}

describe('session: where a node execution starts pacing a store', () => {
	it('learns the limit by default (20/s), and starts at half the limit the credential states', async () => {
		const transport = newProcess();
		expect((await startRate(transport, execution('default'))).rate).toBe(20);
		expect((await startRate(transport, execution('learn', { rateLimit: 'learn' }))).rate).toBe(20);
		expect((await startRate(transport, execution('production', { rateLimit: 'production' }))).rate).toBe(50);
		// Half of 25/s is under the 20/s a development store gets anyway.
		expect((await startRate(transport, execution('development', { rateLimit: 'development' }))).rate).toBe(20);
	});

	it('keeps the rate learned in the workflow\'s static data: the next process starts from it, not from 20/s', async () => {
		const memory: IDataObject = {};
		const process = newProcess();
		const first = await startRate(process, execution('nightly', { rateLimit: 'production' }, memory));
		process.rememberLearnedRate(first.session, first.pacer);
		expect(Object.values(memory.elasticPathStoreRates as IDataObject)).toEqual([{ rate: 98, at: expect.any(Number) }]);

		// A restarted container or a new queue-mode worker: a new process, the same workflow's static data.
		const next = await startRate(newProcess(), execution('nightly', {}, memory));
		expect(next.rate).toBe(50);
		// Another store of the same workflow knows nothing of it.
		expect((await startRate(newProcess(), execution('other store', {}, memory))).rate).toBe(20);
	});

	it('forgets a remembered rate after a week, and writes one that has not moved only now and then', async () => {
		const transport = newProcess();
		const { session, pacer } = await startRate(transport, execution('weekly', { rateLimit: 'production' }));
		const weekOld = { elasticPathStoreRates: { [session.storeKey!]: { rate: 98, at: Date.now() - REMEMBER_RATE_MS - 1 } } };
		expect((await startRate(newProcess(), execution('weekly', {}, weekOld))).rate).toBe(20);

		const fresh = { rate: 97, at: Date.now() - 1000 };
		session.memory = { elasticPathStoreRates: { [session.storeKey!]: fresh } };
		transport.rememberLearnedRate(session, pacer);
		expect((session.memory.elasticPathStoreRates as IDataObject)[session.storeKey!]).toBe(fresh);
	});
});
