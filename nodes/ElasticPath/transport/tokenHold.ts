import type { IExecuteFunctions } from 'n8n-workflow';

import { CREDENTIAL_TYPE, tokenStoreKey } from './authentication';
import type { TransportSession } from './session';
import { holdTokenFetches } from './tokenFlight';
import { unlessCancelled } from './wait';

// One execution of the node is one context object: its store is read once.
const storeKeys = new WeakMap<IExecuteFunctions, Promise<string | undefined>>();

function storeKeyOf(context: IExecuteFunctions): Promise<string | undefined> {
	let key = storeKeys.get(context);
	if (!key) {
		// A credential that cannot be read or is unsafe fails the request itself, with its own error.
		key = context.getCredentials(CREDENTIAL_TYPE).then(tokenStoreKey).catch(() => undefined);
		storeKeys.set(context, key);
	}
	return key;
}

/**
 * Runs one attempt of a request (which may have n8n fetch a token on the way) as a holder of
 * the store's token fetches, with the node's Timeout; it ends as soon as the execution is
 * cancelled, and a token fetch that no request of the node still waits for is aborted.
 */
export async function asTokenHolder<T>(context: IExecuteFunctions, session: TransportSession, send: () => Promise<T>): Promise<T> {
	const key = await storeKeyOf(context);
	const release = key ? holdTokenFetches(key, session.settings.timeoutMs) : undefined;
	try {
		return await unlessCancelled(send(), session.signal);
	} finally {
		release?.();
	}
}
