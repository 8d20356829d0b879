import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { CREDENTIAL_TYPE, NO_REDIRECTS, resolveBaseUrl, tokenStoreKey } from './credential';
import { summarizeErrorBody, titleAndDetail } from './errors';
import { AccessTokenError, answerOf, classifyFailure, networkWords } from './failure';
import { now } from './rate';
import { unlessCancelled, wait } from './retry';
import { redactValue, secretsIn } from './secrets';
import type { CredentialReader } from './session';

/*
 * The access token: fetched from the token endpoint once per store however many requests
 * want it, backed off when the endpoint fails, and given up when no request waits for it.
 */

/** The longest a token request may take, whoever asked for it (the Test button and HTTP Request nodes have no timeout of their own here). */
const TOKEN_TIMEOUT_MS = 30_000;

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
const fetches = new Map<string, StoreTokens>();

function storeFor(key: string): StoreTokens {
	let store = fetches.get(key);
	if (!store) {
		store = { failures: 0, retryAt: 0, holders: new Set() };
		fetches.set(key, store);
	}
	return store;
}

function forgetIfIdle(key: string, store: StoreTokens): void {
	if (!store.flight && store.failures === 0 && store.holders.size === 0) fetches.delete(key);
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
	if (store.failures >= FAIL_FAST_AFTER && store.retryAt > now()) {
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
			store.retryAt = now() + backoffAfter(store.failures, error);
			store.lastFailure = error instanceof Error ? error.message : undefined;
		}
		return await Promise.reject(error);
	};
	const token = wait(store.retryAt - now(), controller.signal)
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

type Grant = 'client_credentials' | 'implicit';

function grantOf(credentials: ICredentialDataDecryptedObject): Grant {
	return credentials.authType === 'implicit' ? 'implicit' : 'client_credentials';
}

function formOf(credentials: ICredentialDataDecryptedObject, grant: Grant): string {
	const clientId = String(credentials.clientId ?? '').trim();
	if (!clientId) throw new AccessTokenError('The Elastic Path credential has no Client ID', 'CONFIG');
	const form = new URLSearchParams({ grant_type: grant, client_id: clientId });
	if (grant === 'client_credentials') {
		const secret = String(credentials.clientSecret ?? '');
		if (!secret) throw new AccessTokenError('The Elastic Path credential has no Client Secret', 'CONFIG');
		form.set('client_secret', secret);
	}
	return form.toString();
}

function refusal(grant: Grant, status: number, body: unknown): AccessTokenError {
	const said = titleAndDetail(summarizeErrorBody(body));
	const what =
		grant === 'client_credentials'
			? 'check the Client ID, Client Secret and region/Base URL'
			: 'check the Client ID and region/Base URL';
	const verb = status >= 500 ? 'failed to issue' : 'refused to issue';
	return new AccessTokenError(
		`Elastic Path ${verb} an access token (HTTP ${status}${said ? `: ${said}` : ''})${status >= 500 ? '' : `: ${what}`}`,
		status,
	);
}

/**
 * Fetches a token from `/oauth/access_token` (form-encoded), as n8n's expirable-credential
 * mechanism asks `preAuthentication` to: n8n stores it and asks again after a 401.
 */
export async function fetchAccessToken(
	requester: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<string> {
	const baseURL = resolveBaseUrl(credentials);
	const grant = grantOf(credentials);
	const body = formOf(credentials, grant);
	return await singleTokenFetch(tokenStoreKey(credentials), async (bounds) =>
		await requestToken(requester, credentials, { baseURL, grant, body }, bounds),
	);
}

async function requestToken(
	requester: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
	{ baseURL, grant, body }: { baseURL: string; grant: Grant; body: string },
	{ timeoutMs, signal }: FetchBounds,
): Promise<string> {
	let answer: unknown;
	let failure: AccessTokenError | undefined;
	try {
		answer = await requester.helpers.httpRequest({
			method: 'POST',
			baseURL,
			url: '/oauth/access_token',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
			body,
			json: true,
			timeout: timeoutMs,
			// n8n 1.x ignores it: there the timeout ends an abandoned fetch.
			abortSignal: signal,
			...NO_REDIRECTS,
		});
	} catch (error) {
		const answered = answerOf(error);
		const problem = classifyFailure(error);
		failure = answered
			? refusal(grant, answered.status, redactValue(answered.body, secretsIn(credentials)))
			: new AccessTokenError(
					`No access token from Elastic Path: ${problem.kind === 'network' ? networkWords(problem.code) : 'no answer'}`,
					'NETWORK',
				);
	}
	if (failure) throw failure;

	const token = (answer as { access_token?: unknown } | undefined)?.access_token;
	if (typeof token !== 'string' || !token) {
		throw new AccessTokenError(
			'Elastic Path answered the token request without an access_token: check the region/Base URL',
			'INVALID',
		);
	}
	return token;
}

// One execution of the node is one context object: its store is read once.
const storeKeys = new WeakMap<CredentialReader, Promise<string | undefined>>();

function storeKeyOf(context: CredentialReader): Promise<string | undefined> {
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
export async function asTokenHolder<T>(
	context: CredentialReader,
	{ timeoutMs, signal }: { timeoutMs: number; signal?: AbortSignal },
	send: () => Promise<T>,
): Promise<T> {
	const key = await storeKeyOf(context);
	const release = key ? holdTokenFetches(key, timeoutMs) : undefined;
	try {
		return await unlessCancelled(send(), signal);
	} finally {
		release?.();
	}
}
