import { otherClientSends, RateLimiter } from '../../../testkit/emulator/rateLimit';
import { secondsToFraction, trafficFigures } from '../../../testkit/emulator/trafficFigures';

const admitted = (limiter: RateLimiter, times: number[]) => times.filter((t) => limiter.admit(t)).length;

describe('the emulator rate limit', () => {
	it('sliding: at most `limit` accepted in any second', () => {
		const limiter = new RateLimiter(3, 'sliding');
		expect(admitted(limiter, [0, 100, 200, 300])).toBe(3);
		// 1000 ms after the first accepted request, one slot frees, not three.
		expect(admitted(limiter, [1000, 1001])).toBe(1);
		expect(admitted(limiter, [1100, 1200, 1201])).toBe(2);
	});

	it('fixed: a window starts at the first request after the previous one ended', () => {
		const limiter = new RateLimiter(3, 'fixed');
		expect(admitted(limiter, [500, 600, 700, 800])).toBe(3);
		// The window [500, 1500) refuses the rest; the next starts at 1600, not at 1500.
		expect(admitted(limiter, [1499])).toBe(0);
		expect(admitted(limiter, [1600, 1601, 1602, 2599])).toBe(3);
		// A whole window's worth right after the boundary: fixed windows allow bursts of 2 × limit within a second.
		expect(admitted(limiter, [2600, 2601, 2602])).toBe(3);
	});

	it('another client sends at a fixed pace between two times, each moment once', () => {
		const client = { clientId: 'storefront', perSecond: 10, fromMs: 1000, untilMs: 2000 };
		const startedAt = 50_000;
		const all = otherClientSends(client, startedAt, -Infinity, 60_000);
		expect(all).toHaveLength(10);
		expect(all[0]).toBe(51_000);
		expect(all[9]).toBe(51_900);
		const inParts = [
			...otherClientSends(client, startedAt, -Infinity, 51_250),
			...otherClientSends(client, startedAt, 51_250, 51_700),
			...otherClientSends(client, startedAt, 51_700, 60_000),
		];
		expect(inParts).toEqual(all);
	});
});

describe('figures from the traffic', () => {
	const traffic = {
		startedAt: 10_000,
		bucketMs: 100,
		clients: {
			node: { accepted: [0, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10], refused: [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
			storefront: { accepted: [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5], refused: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] },
		},
	};

	it('ratio and 429 share over the time the clients sent', () => {
		const figures = trafficFigures(traffic, ['node'], 100);
		expect(figures).toMatchObject({ accepted: 150, refused: 1, seconds: 2 });
		expect(figures.ratio).toBeCloseTo(0.75);
		expect(figures.refusedShare).toBeCloseTo(1 / 151);
	});

	it('time to 0.9 of what the other clients leave free, in half-second windows after the start', () => {
		// While the storefront takes 50/s, the node takes the other 50/s: at the end of the first window.
		expect(secondsToFraction(traffic, ['node'], 100, 0.9, 10_100)).toBeCloseTo(0.5);
		// From 1.1 s (the storefront stopped) it needs 45 of 50 in half a second: 100/s from 1.1 s on.
		expect(secondsToFraction(traffic, ['node'], 100, 0.9, 11_100)).toBeCloseTo(0.5);
		// From 0 s, the first window holds nothing of the node's first 100 ms: 20 of 25 free; the next, 25 of 25.
		expect(secondsToFraction(traffic, ['node'], 100, 0.9, 10_000)).toBeCloseTo(0.6);
		expect(secondsToFraction(traffic, ['node'], 100, 1.1, 10_000)).toBeUndefined();
	});
});
