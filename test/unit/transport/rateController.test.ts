import { RateController } from '../../../nodes/ElasticPath/transport/pacing';

/**
 * Sends at the controller's rate on a fake clock, 40 ms round trips, to a store that
 * answers 429 when it has accepted `limit` requests in the last second (the emulator's rule).
 */
function simulate(controller: RateController, clock: { now: number }, limit: number, seconds: number) {
	const accepted: number[] = [];
	const answers: Array<{ at: number; sentAt: number; ok: boolean }> = [];
	let sent = 0;
	let throttled = 0;
	let next = clock.now;
	const end = clock.now + seconds * 1000;
	while (clock.now < end) {
		// Deliver the answers due before the next send.
		answers.sort((a, b) => a.at - b.at);
		while (answers.length && answers[0].at <= next) {
			const answer = answers.shift()!;
			clock.now = answer.at;
			if (answer.ok) controller.onAccepted();
			else controller.onThrottled(answer.sentAt);
		}
		clock.now = Math.max(clock.now, next);
		controller.notePaced();
		while (accepted.length && accepted[0] <= clock.now - 1000) accepted.shift();
		const ok = accepted.length < limit;
		if (ok) accepted.push(clock.now);
		else throttled++;
		answers.push({ at: clock.now + 40, sentAt: clock.now, ok });
		sent++;
		next = clock.now + 1000 / controller.currentRate;
	}
	return { sent, throttled, accepted: sent - throttled, rate: controller.currentRate };
}

describe('RateController', () => {
	it('starts at 20 requests per second, below the 25/s of a development store', () => {
		expect(new RateController().currentRate).toBe(20);
	});

	it.each([25, 100, 400])('settles just under a store limit of %i/s with few 429s', (limit) => {
		const clock = { now: 0 };
		const controller = new RateController({ now: () => clock.now });

		const rampUp = simulate(controller, clock, limit, 3);
		const steady = simulate(controller, clock, limit, 30);

		expect(rampUp.accepted / 3).toBeGreaterThan(0.6 * limit);
		expect(steady.accepted / 30).toBeGreaterThan(0.93 * limit);
		expect(steady.throttled / steady.sent).toBeLessThan(0.02);
		expect(steady.rate).toBeLessThan(1.1 * limit);
	});

	it('drops to just under what the store accepted in the last second on a 429', () => {
		const clock = { now: 0 };
		const controller = new RateController({ initialRate: 300, now: () => clock.now });
		for (let i = 0; i < 50; i++) {
			clock.now += 20; // 50 accepted in one second
			controller.onAccepted();
		}

		controller.onThrottled(clock.now);

		expect(controller.currentRate).toBeCloseTo(50 * 0.97);
	});

	it('cuts once for a burst of 429s, then again only for requests sent a second later', () => {
		const clock = { now: 1000 };
		const controller = new RateController({ initialRate: 100, now: () => clock.now });

		controller.onThrottled(1000);
		const afterFirstCut = controller.currentRate;
		clock.now = 1500;
		controller.onThrottled(1400);
		expect(controller.currentRate).toBe(afterFirstCut);
		clock.now = 2600;
		controller.onThrottled(2100);
		expect(controller.currentRate).toBeLessThan(afterFirstCut);
	});

	it('never exceeds the Max Requests per Second cap', () => {
		const clock = { now: 0 };
		const controller = new RateController({ maxRate: 30, now: () => clock.now });

		const { sent } = simulate(controller, clock, 1000, 10);

		expect(controller.currentRate).toBe(30);
		expect(sent).toBeLessThanOrEqual(301);
	});

	it('does not grow while something else (concurrency, latency) holds the sending back', () => {
		const clock = { now: 0 };
		const controller = new RateController({ now: () => clock.now });

		for (let i = 0; i < 100; i++) {
			clock.now += 1500; // answers keep coming, but no request ever waited for the rate
			controller.onAccepted();
		}

		expect(controller.currentRate).toBe(20);
	});
});
