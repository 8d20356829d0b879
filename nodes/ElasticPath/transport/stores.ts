import { Pacer } from './pacing';
import { StoreRate } from './storeRate';

/** What a process has learned about a store is forgotten after this long without traffic, so a stale rate never starts a burst. */
export const FORGET_AFTER_MS = 60_000;

// Keyed by `fingerprint(...)` of the store's base URL and client ID (or pasted token): never a secret itself.
const stores = new Map<string, Pacer>();

/**
 * The one pacer (and learned rate) this process uses for a store: every node execution
 * that talks to the store sends through it, so together they keep to what the store
 * accepts, and a new execution starts from what the last one learned.
 */
export function sharedPacer(key: string, now: () => number = () => Date.now()): Pacer {
	forgetIdle();
	let pacer = stores.get(key);
	if (!pacer) {
		pacer = new Pacer(new StoreRate(now), now);
		stores.set(key, pacer);
	}
	return pacer;
}

function forgetIdle(): void {
	for (const [key, pacer] of stores) {
		if (pacer.waiting === 0 && pacer.rate.idleFor() > FORGET_AFTER_MS) stores.delete(key);
	}
}

/** How many stores this process currently keeps a learned rate for (for tests). */
export function knownStoreCount(): number {
	forgetIdle();
	return stores.size;
}
