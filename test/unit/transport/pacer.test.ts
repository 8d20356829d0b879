import { Pacer, RateController } from '../../../nodes/ElasticPath/transport/pacing';

/** A fake clock whose pauses advance time instantly. */
function fakeTime() {
	const clock = { now: 0 };
	return { clock, now: () => clock.now, pause: async (ms: number) => void (clock.now += ms) };
}

describe('Pacer', () => {
	it('releases waiting requests evenly at the current rate', async () => {
		const { clock, now, pause } = fakeTime();
		const controller = new RateController({ initialRate: 20, maxRate: 20, now });
		const pacer = new Pacer(controller, now, pause);

		const sentAt = await Promise.all(Array.from({ length: 5 }, () => pacer.acquire()));

		expect(sentAt).toEqual([0, 50, 100, 150, 200]);
		expect(clock.now).toBe(200);
	});

	it('applies a new rate to requests already waiting', async () => {
		const { now, pause } = fakeTime();
		const controller = new RateController({ initialRate: 10, now });
		const pacer = new Pacer(controller, now, pause);

		const waiting = Array.from({ length: 3 }, () => pacer.acquire());
		for (let i = 0; i < 6; i++) controller.onThrottled(now()); // only the first cuts
		const sentAt = await Promise.all(waiting);

		expect(controller.currentRate).toBe(5);
		expect(sentAt).toEqual([0, 200, 400]);
	});

	it('never lets more than the rate go within one second, even in bursts allowed by the bucket', async () => {
		const { clock, now, pause } = fakeTime();
		const controller = new RateController({ initialRate: 100, now });
		const pacer = new Pacer(controller, now, pause);
		for (let i = 0; i < 100; i++) await pacer.acquire(); // a full second's worth, sent
		controller.onThrottled(now()); // the store refused: the rate drops to half
		const before = clock.now;

		await pacer.acquire();

		// The window still holds 100 sends from the last second: wait until enough have left it.
		expect(clock.now - before).toBeGreaterThanOrEqual(400);
	});

	it('lets a request go at once when nothing waits', async () => {
		const { now, pause } = fakeTime();
		const pacer = new Pacer(new RateController({ now }), now, pause);

		expect(await pacer.acquire()).toBe(0);
	});
});
