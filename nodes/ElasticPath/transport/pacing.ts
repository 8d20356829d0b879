export interface RateControllerOptions {
	/** Requests per second to start at: safely below the 25/s of a development store. */
	initialRate?: number;
	/** The user's cap (node option "Max Requests per Second"). */
	maxRate?: number;
	minRate?: number;
	now?: () => number;
}

const SLOW_START_GAIN = 4; // per accepted request until the first 429: the rate doubles about every 0.2 s
const PROBE_GAIN = 0.02; // per accepted request afterwards: about +2% per second
const DECREASE = 0.95; // on a 429, at most this share of the rate is kept...
const HEADROOM = 0.97; // ...and no more than this share of what the store has accepted in the last second
const WINDOW_MS = 1000;

/**
 * The send rate, learned from the store's answers. It grows while requests succeed (fast
 * until the first 429, then slowly, probing), and when a 429 arrives it drops to just under
 * what the store has accepted over the last second, so it settles just under whatever limit
 * the store enforces. The Pacer sends at this rate.
 */
export class RateController {
	private rate: number;

	private readonly maxRate: number;

	private readonly minRate: number;

	private readonly now: () => number;

	private probing = false;

	/**
	 * 429s for requests sent before this moment do not cut again: they were sent at the old
	 * rate, or while the store's window still held the requests that overshot its limit.
	 */
	private holdUntil = -Infinity;

	private lastPacedAt = -Infinity;

	private readonly startedAt: number;

	/** When recent requests were accepted (not 429), over the last second. */
	private readonly accepted: number[] = [];

	constructor(options: RateControllerOptions = {}) {
		this.maxRate = options.maxRate && options.maxRate > 0 ? options.maxRate : Infinity;
		this.minRate = options.minRate ?? 1;
		this.rate = Math.min(options.initialRate ?? 20, this.maxRate);
		this.now = options.now ?? (() => Date.now());
		this.startedAt = this.now();
	}

	get currentRate(): number {
		return this.rate;
	}

	/** A request had to wait for the rate: the rate, not concurrency or latency, holds sending back. */
	notePaced(): void {
		this.lastPacedAt = this.now();
	}

	private recentAccepted(now: number): number {
		while (this.accepted.length && this.accepted[0] <= now - WINDOW_MS) this.accepted.shift();
		return this.accepted.length;
	}

	/** Any answer but a 429 or a 5xx: the store kept up. */
	onAccepted(): void {
		const now = this.now();
		this.accepted.push(now);
		this.recentAccepted(now);
		// Grow only while pacing is what holds requests back; when concurrency or latency is
		// the bottleneck a growing number would mean nothing, and a later 429 would cut from it.
		if (now - this.lastPacedAt > WINDOW_MS) return;
		this.rate = Math.min(this.maxRate, this.rate + (this.probing ? PROBE_GAIN : SLOW_START_GAIN));
	}

	/**
	 * A 429 for a request sent at `sentAt`: the store's limit is below the current rate.
	 * Returns false when the 429 belongs to an overshoot already answered by a cut.
	 */
	onThrottled(sentAt: number): boolean {
		const now = this.now();
		this.probing = true;
		if (sentAt < this.holdUntil) return false;
		this.holdUntil = now + WINDOW_MS;
		const elapsed = Math.min(WINDOW_MS, Math.max(1, now - this.startedAt));
		const storeRate = (this.recentAccepted(now) * 1000) / elapsed;
		const target = storeRate > 0 ? Math.min(this.rate * DECREASE, storeRate * HEADROOM) : this.rate / 2;
		this.rate = Math.max(this.minRate, target);
		return true;
	}
}
