import { sleep } from 'n8n-workflow';

import { cancelled, now as monotonicNow } from './clock';
import type { RateController, SendTicket } from './controller';
import { WINDOW_MS } from './controller';

/** Short bursts are allowed up to this much of a second's worth of requests, so that timers coarser than the interval do not cap the rate. */
const BURST_SECONDS = 0.02;

/** The longest the pacer sleeps before looking at the rate again: it moves while requests wait. */
const MAX_PAUSE_MS = 50;

interface Waiter<T> {
	grant: (value: T) => void;
	refuse: (error: Error) => void;
}

/** Joins `queue`; the waiter leaves it, rejected, if `signal` aborts before it is granted. */
async function enqueue<T>(queue: Array<Waiter<T>>, signal?: AbortSignal): Promise<T> {
	return await new Promise<T>((resolve, reject) => {
		const onAbort = () => {
			const index = queue.indexOf(waiter);
			if (index >= 0) queue.splice(index, 1);
			reject(cancelled());
		};
		const settle = () => signal?.removeEventListener('abort', onAbort);
		const waiter: Waiter<T> = {
			grant: (value) => {
				settle();
				resolve(value);
			},
			refuse: (error) => {
				settle();
				reject(error);
			},
		};
		signal?.addEventListener('abort', onAbort, { once: true });
		queue.push(waiter);
	});
}

/**
 * Releases requests to one store at its learned rate: evenly (a token bucket with a tiny
 * burst) and never more than the rate, to the nearest request, within any one second (a sliding window, the
 * strictest way a store counts). Every execution in the process that talks to the store
 * queues here, first come first served, so together they never exceed the rate. Waiting
 * requests queue rather than booking a time slot up front, so a change of rate applies at
 * once to everything that waits; a waiter whose execution is cancelled leaves the queue.
 */
export class Pacer {
	private readonly queue: Array<Waiter<SendTicket>> = [];

	/** Send times over the last second. */
	private readonly sent: number[] = [];

	private tokens = 1;

	private refilledAt: number;

	private pumping = false;

	constructor(
		readonly rate: RateController,
		private readonly now: () => number = monotonicNow,
		private readonly pause: (ms: number) => Promise<void> = sleep,
	) {
		this.refilledAt = this.now();
	}

	/** Requests waiting for their turn. */
	get waiting(): number {
		return this.queue.length;
	}

	/** How long until one more request may go (0: now). */
	private waitMs(): number {
		const now = this.now();
		const rate = this.rate.currentRate;
		this.tokens = Math.min(Math.max(1, rate * BURST_SECONDS), this.tokens + ((now - this.refilledAt) * rate) / 1000);
		this.refilledAt = now;
		while (this.sent.length && this.sent[0] <= now - WINDOW_MS) this.sent.shift();
		// To the nearest request: at 24.5/s (just under a 25/s store) rounding down would allow only 24 in a second.
		const windowWait = this.sent.length >= Math.max(1, Math.round(rate)) ? this.sent[0] + WINDOW_MS - now : 0;
		const tokenWait = this.tokens >= 1 ? 0 : ((1 - this.tokens) * 1000) / rate;
		return Math.max(windowWait, tokenWait);
	}

	private take(): SendTicket {
		this.tokens -= 1;
		this.sent.push(this.now());
		return this.rate.send();
	}

	/** Resolves with the request's ticket once it may go; rejects if `signal` aborts first. */
	async acquire(signal?: AbortSignal): Promise<SendTicket> {
		if (signal?.aborted) throw cancelled();
		this.rate.tick();
		if (this.queue.length === 0 && this.waitMs() === 0) return this.take();
		this.rate.notePaced();
		const granted = enqueue(this.queue, signal);
		if (!this.pumping) void this.pump();
		return await granted;
	}

	private async pump(): Promise<void> {
		this.pumping = true;
		try {
			while (this.queue.length) {
				this.rate.tick();
				let wait = this.waitMs();
				while (this.queue.length && wait === 0) {
					this.queue.shift()!.grant(this.take());
					wait = this.waitMs();
				}
				if (this.queue.length) {
					this.rate.notePaced();
					await this.pause(Math.max(1, Math.min(wait, MAX_PAUSE_MS)));
				}
			}
		} catch (error) {
			for (const waiter of this.queue.splice(0)) waiter.refuse(error as Error);
		} finally {
			this.pumping = false;
		}
	}
}

/**
 * A node's own "Max Requests per Second": a sliding one-second window over that node
 * execution's requests alone, in front of the store's shared pacer.
 */
export class RequestCap {
	private readonly sent: number[] = [];

	private readonly queue: Array<Waiter<void>> = [];

	private pumping = false;

	constructor(
		private readonly perSecond: number,
		private readonly now: () => number = monotonicNow,
		private readonly pause: (ms: number) => Promise<void> = sleep,
	) {}

	private waitMs(): number {
		const now = this.now();
		while (this.sent.length && this.sent[0] <= now - WINDOW_MS) this.sent.shift();
		const spacing = WINDOW_MS / this.perSecond;
		const last = this.sent[this.sent.length - 1];
		const evenWait = last === undefined ? 0 : Math.max(0, last + spacing - now);
		const windowWait = this.sent.length >= this.perSecond ? this.sent[0] + WINDOW_MS - now : 0;
		return Math.max(evenWait, windowWait);
	}

	async acquire(signal?: AbortSignal): Promise<void> {
		if (signal?.aborted) throw cancelled();
		if (this.queue.length === 0 && this.waitMs() === 0) {
			this.sent.push(this.now());
			return;
		}
		const granted = enqueue(this.queue, signal);
		if (!this.pumping) void this.pump();
		await granted;
	}

	private async pump(): Promise<void> {
		this.pumping = true;
		try {
			while (this.queue.length) {
				const wait = this.waitMs();
				if (wait === 0) {
					this.sent.push(this.now());
					this.queue.shift()!.grant();
				} else await this.pause(Math.max(1, wait));
			}
		} finally {
			this.pumping = false;
		}
	}
}
