import type { IExecuteFunctions } from 'n8n-workflow';

import { Pacer } from './pacer';
import { RateController } from './pacing';
import type { RequestSettings } from './settings';
import { readRequestSettings } from './settings';

/** What all the requests of one node execution share: settings, the learned rate, a token renewal in progress. */
export interface TransportSession {
	settings: RequestSettings;
	rate: RateController;
	pacer: Pacer;
	signal?: AbortSignal;
	/** Settles when the execution's first request is back (it fetched the token): the others wait for it rather than fetch one each. */
	firstAnswer?: Promise<void>;
	/** Set while one request is having n8n renew the token; others wait for it instead of renewing too. */
	renewal?: Promise<unknown>;
}

// One execution of the node is one context object, the same for all its items.
const sessions = new WeakMap<IExecuteFunctions, TransportSession>();

export function sessionFor(context: IExecuteFunctions): TransportSession {
	let session = sessions.get(context);
	if (!session) {
		const settings = readRequestSettings(context);
		const rate = new RateController({ maxRate: settings.maxRequestsPerSecond });
		session = {
			settings,
			rate,
			pacer: new Pacer(rate),
			signal: context.getExecutionCancelSignal?.(),
		};
		sessions.set(context, session);
	}
	return session;
}
