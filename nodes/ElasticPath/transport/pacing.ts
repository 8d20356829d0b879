import { sleep } from 'n8n-workflow';

interface RateControllerOptions {
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
/** One second: the window a store counts its limit in. */
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

/** Short bursts are allowed up to this much of a second's worth of requests, so that timers coarser than the interval do not cap the rate. */
const BURST_SECONDS = 0.02;

/**
 * Releases requests at the controller's current rate: evenly (a token bucket with a tiny
 * burst) and never more than the rate within any one second (a sliding window, the
 * strictest way a store counts). After the rate is cut, the window holds requests back
 * until the burst that overshot the store's limit has left the store's own window.
 * Waiting requests queue here rather than booking a time slot up front, so a change of
 * rate applies at once to everything that waits.
 */
export class Pacer {
	private readonly queue: Array<(sentAt: number) => void> = [];

	/** Send times over the last second. */
	private readonly sent: number[] = [];

	private tokens = 1;

	private refilledAt: number;

	private pumping = false;

	constructor(
		private readonly controller: RateController,
		private readonly now: () => number = () => Date.now(),
		private readonly pause: (ms: number) => Promise<void> = sleep,
	) {
		this.refilledAt = this.now();
	}

	/** How long until one more request may go (0: now). */
	private waitMs(): number {
		const now = this.now();
		const rate = this.controller.currentRate;
		this.tokens = Math.min(Math.max(1, rate * BURST_SECONDS), this.tokens + ((now - this.refilledAt) * rate) / 1000);
		this.refilledAt = now;
		while (this.sent.length && this.sent[0] <= now - WINDOW_MS) this.sent.shift();
		const windowWait = this.sent.length >= Math.max(1, Math.floor(rate)) ? this.sent[0] + WINDOW_MS - now : 0;
		const tokenWait = this.tokens >= 1 ? 0 : ((1 - this.tokens) * 1000) / rate;
		return Math.max(windowWait, tokenWait);
	}

	private take(): number {
		const now = this.now();
		this.tokens -= 1;
		this.sent.push(now);
		return now;
	}

	/** Resolves with the send time once the request may go. */
	async acquire(): Promise<number> {
		if (this.queue.length === 0 && this.waitMs() === 0) return this.take();
		this.controller.notePaced();
		const sentAt = new Promise<number>((resolve) => this.queue.push(resolve));
		if (!this.pumping) void this.pump();
		return await sentAt;
	}

	private async pump(): Promise<void> {
		this.pumping = true;
		while (this.queue.length) {
			let wait = this.waitMs();
			while (this.queue.length && wait === 0) {
				this.queue.shift()!(this.take());
				wait = this.waitMs();
			}
			if (this.queue.length) {
				this.controller.notePaced();
				await this.pause(Math.max(1, wait));
			}
		}
		this.pumping = false;
	}
}
