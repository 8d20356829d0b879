import { Pacer } from '../../../nodes/ElasticPath/transport/pacer';
import { RateController } from '../../../nodes/ElasticPath/transport/rateController';

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
		// The interval already being waited out ends at the old pace (100 ms); the next follows the new one.
		expect(sentAt).toEqual([0, 100, 300]);
	});

	it('lets a request go at once when nothing waits', async () => {
		const { now, pause } = fakeTime();
		const pacer = new Pacer(new RateController({ now }), now, pause);

		expect(await pacer.acquire()).toBe(0);
	});
});
