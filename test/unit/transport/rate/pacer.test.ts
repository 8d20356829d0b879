/* eslint-disable @n8n/community-nodes/no-restricted-globals -- virtual time lets woken code run (setImmediate) before it moves on */
import { Pacer, RateController, RequestCap } from '../../../../nodes/ElasticPath/transport/rate';

/** A fake clock; a pause advances it once what the last release woke has run, as with real timers. */
function fakeTime() {
	const clock = { now: 0 };
	const pause = async (ms: number) => {
		await new Promise((resolve) => setImmediate(resolve));
		clock.now += ms;
	};
	return { clock, now: () => clock.now, pause };
}

describe('Pacer', () => {
	it('releases waiting requests evenly at the store rate, 20/s to begin with', async () => {
		const { clock, now, pause } = fakeTime();
		const pacer = new Pacer(new RateController(now), now, pause);

		const tickets = await Promise.all(Array.from({ length: 3 }, () => pacer.acquire()));

		expect(tickets.map((ticket) => ticket.sentAt)).toEqual([0, 50, 100]);
		expect(clock.now).toBe(100);
	});

	it('lets a request go at once when nothing waits', async () => {
		const { now, pause } = fakeTime();
		const pacer = new Pacer(new RateController(now), now, pause);

		expect((await pacer.acquire()).sentAt).toBe(0);
	});

	it('paces two executions together as one stream, first come first served', async () => {
		const together = fakeTime();
		const shared = new Pacer(new RateController(together.now), together.now, together.pause);
		const alone = fakeTime();
		const single = new Pacer(new RateController(alone.now), alone.now, alone.pause);

		const first = Array.from({ length: 30 }, () => shared.acquire());
		const second = Array.from({ length: 30 }, () => shared.acquire());
		const sharedTimes = (await Promise.all([...first, ...second])).map((ticket) => ticket.sentAt);
		const singleTimes = (await Promise.all(Array.from({ length: 60 }, () => single.acquire()))).map((ticket) => ticket.sentAt);

		// Two executions get exactly the pace one execution with all their requests would get.
		expect(sharedTimes).toEqual(singleTimes);
	});

	it('drops a waiter whose execution is cancelled and keeps serving the others', async () => {
		const { now, pause } = fakeTime();
		const pacer = new Pacer(new RateController(now), now, pause);
		const cancel = new AbortController();

		const cancelled = Array.from({ length: 10 }, () => pacer.acquire(cancel.signal));
		const others = Array.from({ length: 5 }, () => pacer.acquire());
		cancel.abort();
		const results = await Promise.allSettled(cancelled);
		const served = await Promise.all(others);

		// The first went before the abort; the nine that waited left the queue.
		expect(results.filter((result) => result.status === 'rejected')).toHaveLength(9);
		// The others take the cancelled ones' turns: the first of them goes next, 50 ms on.
		expect(served.map((ticket) => ticket.sentAt).slice(0, 2)).toEqual([50, 100]);
		expect(pacer.waiting).toBe(0);
	});
});

describe('RequestCap: a node\'s own Max Requests per Second', () => {
	it('spaces one execution\'s requests evenly at the cap', async () => {
		const { now, pause } = fakeTime();
		const cap = new RequestCap(4, now, pause);
		const times: number[] = [];

		await Promise.all(Array.from({ length: 5 }, async () => {
			await cap.acquire();
			times.push(now());
		}));

		expect(times).toEqual([0, 250, 500, 750, 1000]);
	});
});
