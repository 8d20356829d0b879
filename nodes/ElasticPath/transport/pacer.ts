import { sleep } from 'n8n-workflow';

import type { RateController } from './pacing';

/** Short bursts are allowed up to this much of a second's worth of requests, so that timers coarser than the interval do not cap the rate. */
const BURST_SECONDS = 0.02;
const WINDOW_MS = 1000;

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
