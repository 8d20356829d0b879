import { sleep } from 'n8n-workflow';

import type { RateController } from './rateController';

/** Short bursts are allowed up to this much of a second's worth of requests, so that timers coarser than the interval do not cap the rate. */
const BURST_SECONDS = 0.02;

/**
 * Releases requests one by one at the controller's current rate (a token bucket with a
 * tiny burst). Waiting requests queue here rather than booking a time slot up front, so a
 * change of rate applies at once to everything that waits.
 */
export class Pacer {
	private readonly queue: Array<(sentAt: number) => void> = [];

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

	private refill(): number {
		const now = this.now();
		const capacity = Math.max(1, this.controller.currentRate * BURST_SECONDS);
		this.tokens = Math.min(capacity, this.tokens + ((now - this.refilledAt) * this.controller.currentRate) / 1000);
		this.refilledAt = now;
		return now;
	}

	/** Resolves with the send time once the request may go. */
	async acquire(): Promise<number> {
		const now = this.refill();
		if (this.queue.length === 0 && this.tokens >= 1) {
			this.tokens -= 1;
			return now;
		}
		this.controller.notePaced();
		const sentAt = new Promise<number>((resolve) => this.queue.push(resolve));
		if (!this.pumping) void this.pump();
		return await sentAt;
	}

	private async pump(): Promise<void> {
		this.pumping = true;
		while (this.queue.length) {
			const now = this.refill();
			while (this.queue.length && this.tokens >= 1) {
				this.tokens -= 1;
				this.queue.shift()!(now);
			}
			if (this.queue.length) {
				this.controller.notePaced();
				await this.pause(Math.max(1, ((1 - this.tokens) * 1000) / this.controller.currentRate));
			}
		}
		this.pumping = false;
	}
}
