import { FORGET_AFTER_MS, REMEMBER_RATE_MS, sharedPacer } from '../../../../nodes/ElasticPath/transport/rate';
import { execution, seededRandom, simulate, SimulatedStore, VirtualClock } from './storeSimulation';

/** Two nightly runs of 1,000 removals against a 100/s store counting fixed windows, `gapMs` apart. */
async function twoNights(key: string, gapMs: number) {
	const clock = new VirtualClock();
	const store = new SimulatedStore(clock, 100, 'fixed');
	const pacers: Array<ReturnType<typeof sharedPacer>> = [];
	/** What each night's pacer knew of the store when the night began. */
	const knewAtStart: Array<number | undefined> = [];
	const startRates: number[] = [];
	const runs: Array<{ start: number; end: number }> = [];
	await simulate(clock, [
		(async () => {
			for (const night of ['first night', 'next night']) {
				const pacer = sharedPacer(key, { now: clock.now, pause: clock.sleep });
				pacers.push(pacer);
				knewAtStart.push(pacer.rate.learnedRate);
				startRates.push(pacer.rate.currentRate);
				runs.push(await execution(clock, store, pacer, { who: night, items: 1000, random: seededRandom(1), jitterMs: 5 }));
				await clock.sleep(gapMs);
			}
		})(),
	]);
	return { store, pacers, knewAtStart, startRates, runs };
}

describe('stores: what a process learns about a store', () => {
	it('forgets an idle store\'s pacer but keeps its rate: the next night starts at half of it and climbs to it and no further', async () => {
		const { store, pacers, knewAtStart, startRates, runs } = await twoNights('nightly-store', 24 * 3600_000);

		// A new pacer: the next night starts at half the rate it remembers, never with a burst at a stale rate...
		expect(pacers[1]).not.toBe(pacers[0]);
		expect(startRates[0]).toBe(20);
		expect(startRates[1]).toBeGreaterThanOrEqual(45);
		expect(startRates[1]).toBeLessThanOrEqual(52);
		expect(knewAtStart).toEqual([undefined, expect.any(Number)]);
		expect(knewAtStart[1]).toBeGreaterThanOrEqual(95);
		// ...but its slow start stops at what the store accepted, instead of overshooting to find it again.
		expect(store.refusedShare(['next night'])).toBeLessThanOrEqual(0.025);
		// (Learning, the first night's slow start stops at Elastic Path's documented 100/s too: the next one is faster by its start.)
		expect(runs[1].end - runs[1].start).toBeLessThan(runs[0].end - runs[0].start);
		expect(1000 / ((runs[1].end - runs[1].start) / 1000) / 100).toBeGreaterThanOrEqual(0.92);
	});

	it('keeps the same pacer while the store is in use, and forgets a rate after a week', async () => {
		const soon = await twoNights('busy-store', FORGET_AFTER_MS / 2);
		expect(soon.pacers[1]).toBe(soon.pacers[0]);

		const later = await twoNights('forgotten-store', REMEMBER_RATE_MS + FORGET_AFTER_MS + 1);
		expect(later.pacers[1]).not.toBe(later.pacers[0]);
		expect(later.knewAtStart).toEqual([undefined, undefined]);
	});
});
