import { AccessTokenError } from './failure';
import { wait } from './wait';

/** The longest a token request may take, whoever asked for it (the Test button and HTTP Request nodes have no timeout of their own here). */
export const TOKEN_TIMEOUT_MS = 30_000;

const FIRST_BACKOFF_MS = 1_000;
/** A token endpoint that answered 429 is busy, not down: the first retry comes sooner. */
const FIRST_BACKOFF_THROTTLED_MS = 250;
const LONGEST_BACKOFF_MS = 30_000;
/** After this many failed fetches in a row, requests fail at once until the backoff is over, rather than queue behind it. */
const FAIL_FAST_AFTER = 3;

/** What a token fetch gets to work with: when to give up, and a signal that ends it early. */
export interface FetchBounds {
	timeoutMs: number;
	signal: AbortSignal;
}

/** The node's requests in progress on one store, each with its Timeout. */
type Holders = Set<{ timeoutMs: number }>;

interface StoreTokens {
	flight?: { token: Promise<string>; controller: AbortController; forNode: boolean };
	failures: number;
	/** No new fetch starts before this (epoch ms) after a failure. */
	retryAt: number;
	lastFailure?: string;
	holders: Holders;
}

/*
 * Per store (a fingerprint of base URL, client ID and secret, never the secret itself), for
 * every execution of the process: n8n asks for a token from each request that finds none, so
 * without this, one failed fetch turns into a fetch per waiting item.
 */
const stores = new Map<string, StoreTokens>();

function storeFor(key: string): StoreTokens {
	let store = stores.get(key);
	if (!store) {
		store = { failures: 0, retryAt: 0, holders: new Set() };
		stores.set(key, store);
	}
	return store;
}

function forgetIfIdle(key: string, store: StoreTokens): void {
	if (!store.flight && store.failures === 0 && store.holders.size === 0) stores.delete(key);
}

/** The node's most patient request on the store sets the fetch's timeout, never past the fixed bound. */
function timeoutFor(store: StoreTokens): number {
	const timeouts = [...store.holders].map((holder) => holder.timeoutMs);
	return timeouts.length ? Math.min(TOKEN_TIMEOUT_MS, Math.max(...timeouts)) : TOKEN_TIMEOUT_MS;
}

function backoffAfter(failures: number, error: unknown): number {
	const throttled = error instanceof AccessTokenError && error.errorCode.endsWith('429');
	return Math.min(LONGEST_BACKOFF_MS, (throttled ? FIRST_BACKOFF_THROTTLED_MS : FIRST_BACKOFF_MS) * 2 ** Math.max(0, failures - 1));
}

/**
 * One token fetch at a time per store: callers that come while one is running take its
 * result, success or failure. After a failure the next fetch waits a backoff (1 s, or 250 ms
 * after a 429, doubling up to 30 s, reset by a success); after three in a row, requests fail at once (not retried)
 * until it is over. A store whose token endpoint is down gets a handful of token requests
 * however many items are waiting, and the items fail without queueing behind the backoff.
 */
export async function singleTokenFetch(key: string, fetch: (bounds: FetchBounds) => Promise<string>): Promise<string> {
	const store = storeFor(key);
	if (store.flight) return await store.flight.token;
	if (store.failures >= FAIL_FAST_AFTER && store.retryAt > Date.now()) {
		// The same words as the failure it repeats; BACKOFF keeps it from being retried.
		throw new AccessTokenError(store.lastFailure ?? 'No access token from Elastic Path', 'BACKOFF');
	}

	const controller = new AbortController();
	const onSuccess = (fetched: string) => {
		store.failures = 0;
		store.retryAt = 0;
		return fetched;
	};
	const onFailure = async (error: unknown): Promise<never> => {
		// Abandoned (cancelled) is not the store failing.
		if (!controller.signal.aborted) {
			store.failures++;
			store.retryAt = Date.now() + backoffAfter(store.failures, error);
			store.lastFailure = error instanceof Error ? error.message : undefined;
		}
		return await Promise.reject(error);
	};
	const token = wait(store.retryAt - Date.now(), controller.signal)
		.then(async () => await fetch({ timeoutMs: timeoutFor(store), signal: controller.signal }))
		.then(onSuccess, onFailure)
		.finally(() => {
			store.flight = undefined;
			forgetIfIdle(key, store);
		});
	store.flight = { token, controller, forNode: store.holders.size > 0 };
	return await token;
}

/**
 * Marks one request of the node as in progress on the store, with its Timeout. When the
 * last one ends (answered, timed out or cancelled) a token fetch started for the node has no
 * one left to serve and is aborted: no connection stays open after a cancelled execution.
 */
export function holdTokenFetches(key: string, timeoutMs: number): () => void {
	const store = storeFor(key);
	const holder = { timeoutMs };
	store.holders.add(holder);
	return () => {
		store.holders.delete(holder);
		if (store.holders.size === 0 && store.flight?.forNode) store.flight.controller.abort();
		forgetIfIdle(key, store);
	};
}
