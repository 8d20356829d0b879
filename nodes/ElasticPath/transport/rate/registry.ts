import { now as monotonicNow } from './clock';
import { RateController, TUNING } from './controller';
import { Pacer } from './pacer';

/** What a process has learned about a store is forgotten after this long without traffic, so a stale rate never starts a burst. */
export const FORGET_AFTER_MS = 60_000;

/** What a store accepted is kept this long after its pacer is forgotten: a nightly run's slow start climbs no higher than last night's rate. */
export const REMEMBER_RATE_MS = 7 * 24 * 3600_000;

/** At most this many stores' rates are kept (the oldest go first). */
const REMEMBERED_STORES = 100;

// Keyed by `fingerprint(...)` of the store's base URL and client ID (or pasted token): never a secret itself.
const pacers = new Map<string, Pacer>();

const learnedRates = new Map<string, { rate: number; at: number }>();

/**
 * The one pacer (and learned rate) this process uses for a store: every node execution
 * that talks to the store sends through it, so together they keep to what the store
 * accepts, and a new execution starts from what the last one learned.
 *
 * @param known What the store is known to accept when this process has not learned it yet:
 * a rate an earlier process learned (kept with the workflow), or the limit the credential states.
 */
export function sharedPacer(
	key: string,
	clock: { now: () => number; pause?: (ms: number) => Promise<void> } = { now: monotonicNow },
	known?: number,
): Pacer {
	forgetIdle(clock.now());
	let pacer = pacers.get(key);
	if (!pacer) {
		const remembered = learnedRates.get(key);
		// A learned rate is already just under the limit: the controller keeps that headroom once, not twice.
		const limit = remembered ? remembered.rate / TUNING.headroom : known;
		pacer = new Pacer(new RateController(clock.now, limit), clock.now, clock.pause);
		pacers.set(key, pacer);
	}
	return pacer;
}

/** Forgets idle stores' pacers, keeping the rate each had learned. */
function forgetIdle(now: number): void {
	for (const [key, pacer] of pacers) {
		if (pacer.waiting > 0 || pacer.rate.idleFor() <= FORGET_AFTER_MS) continue;
		pacers.delete(key);
		const rate = pacer.rate.learnedRate;
		if (rate === undefined) continue;
		learnedRates.delete(key);
		learnedRates.set(key, { rate, at: now - pacer.rate.idleFor() });
	}
	for (const [key, { at }] of learnedRates) {
		if (now - at > REMEMBER_RATE_MS || learnedRates.size > REMEMBERED_STORES) learnedRates.delete(key);
	}
}

/** How many stores this process currently keeps a pacer for (for tests). */
export function knownStoreCount(): number {
	forgetIdle(monotonicNow());
	return pacers.size;
}
