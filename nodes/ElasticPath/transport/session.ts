import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { CREDENTIAL_TYPE, fingerprint, storeIdentity } from './credential';
import { Pacer, RateController, REMEMBER_RATE_MS, RequestCap, sharedPacer, TUNING } from './rate';

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
	/** The store's fingerprint, once the credential is read. */
	storeKey?: string;
	/** The node's own Max Requests per Second, when set. */
	cap?: RequestCap;
	signal?: AbortSignal;
	/** Settles when the execution's first request is back (it fetched the token): the others wait for it rather than fetch one each. */
	firstAnswer?: Promise<void>;
	/** Set while one request is having n8n renew the token; others wait for it instead of renewing too. */
	renewal?: Promise<unknown>;
	/** The workflow's static data, where the rate learned for a store outlives the process (saved with production executions). */
	memory?: IDataObject;
}

/** Elastic Path's documented limits, which the credential may state instead of "learn it". */
const DOCUMENTED_LIMITS: Record<string, number> = { development: 25, production: 100 };

/** Where in the workflow's static data learned rates are kept, by store fingerprint (never a secret). */
const MEMORY_KEY = 'elasticPathStoreRates';

/** A remembered rate is written again only when it moved by more than this share. */
const MEMORY_CHANGE = 0.03;

interface RememberedRate {
	rate: number;
	/** Epoch ms: a week is longer than any monotonic clock survives. */
	at: number;
}

function rememberedRates(memory: IDataObject | undefined): Record<string, RememberedRate> | undefined {
	const rates = memory?.[MEMORY_KEY];
	return rates && typeof rates === 'object' && !Array.isArray(rates) ? (rates as unknown as Record<string, RememberedRate>) : undefined;
}

/** The rate an earlier run of this workflow learned for the store, if it is less than a week old. */
function rememberedRate(memory: IDataObject | undefined, key: string): number | undefined {
	const entry = rememberedRates(memory)?.[key];
	if (!entry || typeof entry.rate !== 'number' || !(entry.rate > 0) || typeof entry.at !== 'number') return undefined;
	return Date.now() - entry.at <= REMEMBER_RATE_MS ? entry.rate : undefined;
}

/** Keeps the rate the store's pacer has learned in the workflow's static data, for the next process that runs it. */
export function rememberLearnedRate(session: TransportSession, pacer: Pacer): void {
	const rate = pacer.rate.learnedRate;
	if (!session.memory || !session.storeKey || rate === undefined || !Number.isFinite(rate)) return;
	const rates = rememberedRates(session.memory) ?? {};
	const before = rates[session.storeKey];
	if (before && Math.abs(rate - before.rate) <= MEMORY_CHANGE * before.rate && Date.now() - before.at < REMEMBER_RATE_MS / 7) return;
	// A new object: n8n sees static data change by its top-level properties.
	session.memory[MEMORY_KEY] = { ...rates, [session.storeKey]: { rate: Math.round(rate * 10) / 10, at: Date.now() } } as unknown as IDataObject;
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
			memory: workflowMemory(context),
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

function workflowMemory(context: IExecuteFunctions): IDataObject | undefined {
	try {
		return context.getWorkflowStaticData?.('global');
	} catch {
		return undefined;
	}
}

async function findPacer(context: CredentialReader, session: TransportSession): Promise<Pacer> {
	let credentials: ICredentialDataDecryptedObject;
	try {
		credentials = await context.getCredentials(CREDENTIAL_TYPE);
		session.storeKey = fingerprint(...storeIdentity(credentials));
	} catch {
		// The credential is missing or unusable: each request will fail with the reason; pace them alone.
		return new Pacer(new RateController());
	}
	// What was measured comes before what is documented: a store on a raised plan, or shared with others.
	const remembered = rememberedRate(session.memory, session.storeKey);
	const documented = DOCUMENTED_LIMITS[String(credentials.rateLimit ?? 'learn')];
	return sharedPacer(session.storeKey, undefined, remembered !== undefined ? remembered / TUNING.headroom : documented);
}

/** The pacer of the store this execution's credential points at. */
export async function pacerFor(context: CredentialReader, session: TransportSession): Promise<Pacer> {
	session.pacer ??= findPacer(context, session);
	return await session.pacer;
}
