/** How the store counts its limit: requests in the last second (sliding), or fixed one-second windows. */
export type RateWindow = 'sliding' | 'fixed';

/**
 * Another client of the same store (the storefront, another integration): it sends
 * `perSecond` requests at a fixed pace from `fromMs` to `untilMs` after the emulator started,
 * counted against the same limit, without HTTP. A refused request is not sent again.
 */
export interface OtherClient {
	clientId: string;
	perSecond: number;
	fromMs: number;
	untilMs: number;
}

/** One limit for the whole store, whoever sends. */
export class RateLimiter {
	private readonly accepted: number[] = [];

	private windowStart = -Infinity;

	private windowCount = 0;

	constructor(
		private readonly limit: number,
		private readonly window: RateWindow,
	) {}

	/** Whether a request at `now` is within the limit (it then counts against it). */
	admit(now: number): boolean {
		return this.window === 'fixed' ? this.admitFixed(now) : this.admitSliding(now);
	}

	private admitSliding(now: number): boolean {
		while (this.accepted.length && this.accepted[0] <= now - 1000) this.accepted.shift();
		if (this.accepted.length >= this.limit) return false;
		this.accepted.push(now);
		return true;
	}

	/** A window starts at the first request after the previous one ended and lasts a second. */
	private admitFixed(now: number): boolean {
		if (now >= this.windowStart + 1000) {
			this.windowStart = now;
			this.windowCount = 0;
		}
		if (this.windowCount >= this.limit) return false;
		this.windowCount++;
		return true;
	}
}

/** The moments (epoch ms) at which an other client sends, after `after` and up to `upTo`. */
export function otherClientSends(client: OtherClient, startedAt: number, after: number, upTo: number): number[] {
	const interval = 1000 / client.perSecond;
	const from = startedAt + client.fromMs;
	const until = startedAt + client.untilMs;
	const times: number[] = [];
	for (let k = after < from ? 0 : Math.floor((after - from) / interval) + 1; ; k++) {
		const at = from + k * interval;
		if (at >= until || at > upTo) return times;
		if (at > after) times.push(at);
	}
}
