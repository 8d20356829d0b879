import type { ICredentialDataDecryptedObject, IExecuteFunctions } from 'n8n-workflow';

import { CREDENTIAL_TYPE, fingerprint, storeIdentity } from './credential';
import { Pacer, RateController, RequestCap, sharedPacer } from './rate';

interface RequestSettings {
	/** 0: no cap, the rate is learned from the store. */
	maxRequestsPerSecond: number;
	maxConcurrency: number;
	maxAttempts: number;
	timeoutMs: number;
}

const DEFAULT_SETTINGS: RequestSettings = {
	maxRequestsPerSecond: 0,
	maxConcurrency: 20,
	maxAttempts: 5,
	timeoutMs: 30_000,
};

function whole(value: unknown, fallback: number, min: number, max = Infinity): number {
	const number = typeof value === 'number' ? value : Number(value);
	if (!Number.isFinite(number)) return fallback;
	return Math.min(max, Math.max(min, Math.floor(number)));
}

/** The node's request settings, with defaults and bounds; read once per execution. */
function readRequestSettings(context: IExecuteFunctions): RequestSettings {
	const raw = context.getNodeParameter('requestSettings', 0, {}) as Partial<Record<keyof RequestSettings, unknown>>;
	return {
		maxRequestsPerSecond: whole(raw.maxRequestsPerSecond, DEFAULT_SETTINGS.maxRequestsPerSecond, 0),
		maxConcurrency: whole(raw.maxConcurrency, DEFAULT_SETTINGS.maxConcurrency, 1, 100),
		maxAttempts: whole(raw.maxAttempts, DEFAULT_SETTINGS.maxAttempts, 1, 10),
		timeoutMs: whole(raw.timeoutMs, DEFAULT_SETTINGS.timeoutMs, 1000),
	};
}

/** What the transport needs of a context to find the store it talks to. */
export interface CredentialReader {
	getCredentials(type: string, itemIndex?: number): Promise<ICredentialDataDecryptedObject>;
}

/** What all the requests of one node execution share: settings, the store's pacer, a token renewal in progress. */
export interface TransportSession {
	settings: RequestSettings;
	/** The store's pacer, shared with every execution in the process that talks to the same store. */
	pacer?: Promise<Pacer>;
	/** The node's own Max Requests per Second, when set. */
	cap?: RequestCap;
	signal?: AbortSignal;
	/** Settles when the execution's first request is back (it fetched the token): the others wait for it rather than fetch one each. */
	firstAnswer?: Promise<void>;
	/** Set while one request is having n8n renew the token; others wait for it instead of renewing too. */
	renewal?: Promise<unknown>;
}

// One execution of the node is one context object, the same for all its items.
const sessions = new WeakMap<IExecuteFunctions, TransportSession>();

/** A session with the default settings, for requests outside a node's execution (a trigger's). */
export function defaultSession(): TransportSession {
	return { settings: { ...DEFAULT_SETTINGS } };
}

export function sessionFor(context: IExecuteFunctions): TransportSession {
	let session = sessions.get(context);
	if (!session) {
		const settings = readRequestSettings(context);
		session = {
			settings,
			cap: settings.maxRequestsPerSecond > 0 ? new RequestCap(settings.maxRequestsPerSecond) : undefined,
			signal: context.getExecutionCancelSignal?.(),
		};
		sessions.set(context, session);
	}
	return session;
}

/**
 * What tells the store this context's credential points at from any other, for what a process
 * shares about a store (its pacer, a listing): a hash, never the secrets it is made from.
 * `undefined` when the credential is missing or unusable (each request then fails with the reason).
 */
export async function storeKeyOf(context: CredentialReader): Promise<string | undefined> {
	try {
		return fingerprint(...storeIdentity(await context.getCredentials(CREDENTIAL_TYPE)));
	} catch {
		return undefined;
	}
}

async function findPacer(context: CredentialReader): Promise<Pacer> {
	const key = await storeKeyOf(context);
	// Without a usable credential, pace its requests alone.
	return key === undefined ? new Pacer(new RateController()) : sharedPacer(key);
}

/** The pacer of the store this execution's credential points at. */
export async function pacerFor(context: CredentialReader, session: TransportSession): Promise<Pacer> {
	session.pacer ??= findPacer(context);
	return await session.pacer;
}
