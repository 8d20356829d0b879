/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- virtual time lets woken code run (setImmediate) before it moves on; node:events as n8n uses it for an execution's signal (a test, not the package) */
import { setMaxListeners } from 'node:events';
import { Pacer, RateController } from '../../../../nodes/ElasticPath/transport/rate';
import { decideRetry } from '../../../../nodes/ElasticPath/transport/retry';
import type { Traffic } from '../../../../testkit/emulator/traffic';
import { TrafficRecorder } from '../../../../testkit/emulator/traffic';
import type { TwoClientFigures } from '../../../../testkit/emulator/trafficFigures';
import { twoClientFigures } from '../../../../testkit/emulator/trafficFigures';

/**
 * A discrete-event simulation of executions sending to one store through the real Pacer and
 * RateController: virtual time, so a 30-second scenario runs in well under a second and gives the
 * same figures on a loaded machine.
 */
export class VirtualClock {
	private time = 0;

	private sequence = 0;

	private readonly timers: Array<{ at: number; sequence: number; resolve: () => void }> = [];

	now = () => this.time;

	sleep = async (ms: number) =>
		await new Promise<void>((resolve) =>
			this.timers.push({ at: this.time + Math.max(0, ms), sequence: this.sequence++, resolve }),
		);

	/** Runs timers in time order until `done` or nothing is left, letting each wake-up settle first. */
	async run(done: () => boolean): Promise<void> {
		const settle = async () => await new Promise((resolve) => setImmediate(resolve));
		await settle();
		while (this.timers.length && !done()) {
			this.timers.sort((a, b) => a.at - b.at || a.sequence - b.sequence);
			const next = this.timers.shift()!;
			this.time = next.at;
			next.resolve();
			await settle();
		}
	}
}

export type WindowMode = 'sliding' | 'fixed';

/** A store's limit, counted in a sliding window or in fixed windows from the first request after the last one ended. */
export class SimulatedStore {
	readonly log: Array<{ at: number; who: string; accepted: boolean }> = [];

	private readonly accepted: number[] = [];

	private windowStart = -Infinity;

	private windowCount = 0;

	private count = 0;

	constructor(
		private readonly clock: VirtualClock,
		private readonly limit: number,
		private readonly mode: WindowMode,
		private readonly refuseAnyway: (nth: number) => boolean = () => false,
	) {}

	handle(who: string): boolean {
		const now = this.clock.now();
		this.count++;
		const ok = !this.refuseAnyway(this.count) && !this.full(now);
		if (ok && this.mode === 'sliding') this.accepted.push(now);
		if (ok && this.mode === 'fixed') this.windowCount++;
		this.log.push({ at: now, who, accepted: ok });
		return ok;
	}

	private full(now: number): boolean {
		if (this.mode === 'sliding') {
			while (this.accepted.length && this.accepted[0] <= now - 1000) this.accepted.shift();
			return this.accepted.length >= this.limit;
		}
		if (now >= this.windowStart + 1000) {
			this.windowStart = now;
			this.windowCount = 0;
		}
		return this.windowCount >= this.limit;
	}

	/** Accepted requests per second of `who` over [from, to). */
	acceptedRate(who: string[], from: number, to: number): number {
		const count = this.log.filter(
			(entry) => entry.accepted && who.includes(entry.who) && entry.at >= from && entry.at < to,
		).length;
		return (count * 1000) / (to - from);
	}

	/** The log as the emulator reports its traffic (per client per 100 ms, from time 0), for the benchmark's figures. */
	traffic(): Traffic {
		const recorder = new TrafficRecorder(0);
		for (const entry of this.log) recorder.record(entry.who, entry.at, entry.accepted ? 'accepted' : 'refused');
		return recorder.snapshot();
	}

	refusedShare(who: string[]): number {
		const mine = this.log.filter((entry) => who.includes(entry.who));
		return mine.filter((entry) => !entry.accepted).length / Math.max(1, mine.length);
	}

	/** How long after `from` until `who` is accepted at `perSecond` or more (measured over half a second). */
	timeToReach(who: string[], from: number, perSecond: number): number {
		const times = this.log
			.filter((entry) => entry.accepted && who.includes(entry.who))
			.map((entry) => entry.at);
		let start = 0;
		for (let i = 0; i < times.length; i++) {
			while (times[start] <= times[i] - 500) start++;
			if (times[i] >= from && i - start + 1 >= perSecond / 2) return times[i] - from;
		}
		return Infinity;
	}
}

/** A process's pacer for the store; `known`: the limit known before the first answer (the credential's, or one learned earlier). */
export function sharedPacerOn(clock: VirtualClock, known?: number): Pacer {
	return new Pacer(new RateController(clock.now, known), clock.now, clock.sleep);
}

/** One node execution as the transport runs it: 20 at a time, 40 ms answers, a 429 retried after backoff. */
export async function execution(
	clock: VirtualClock,
	store: SimulatedStore,
	pacer: Pacer,
	options: {
		who: string;
		items: number;
		random: () => number;
		jitterMs?: number;
		/** A request the store took (and counted) that fails anyway, as a 503 or a reset: retried, and no answer for the rate. */
		failsAnyway?: () => boolean;
		/** How long the answer to a request the store takes at `at` takes (40 ms unless said). */
		latencyMs?: (at: number) => number;
		/**
		 * The execution is cancelled this long after it starts: waiting requests leave the queue, and
		 * requests that are out are abandoned as the transport does (their answers never come back).
		 */
		cancelAfterMs?: number;
	},
): Promise<{ start: number; end: number }> {
	// A real request reaches the store a little after it leaves, and its answer takes a little longer or shorter.
	const jitter = async () => {
		if (options.jitterMs) await clock.sleep(options.random() * options.jitterMs);
	};
	const start = clock.now();
	let next = 0;
	const cancel = new AbortController();
	// As n8n does for an execution's signal: every item waiting on the pacer listens to it.
	setMaxListeners(Infinity, cancel.signal);
	const cancelled = options.cancelAfterMs === undefined ? undefined : clock.sleep(options.cancelAfterMs).then(() => cancel.abort());
	/** Resolves once `ms` have passed; false if the execution was cancelled first. */
	const answerIn = async (ms: number) =>
		await Promise.race([clock.sleep(ms).then(() => true), ...(cancelled ? [cancelled.then(() => false)] : [])]);
	// The node's backoff before try `tries + 1`: the retry policy's, for a refusal without Retry-After.
	const backoffAfter = (tries: number, random: () => number) =>
		decideRetry({ kind: 'answer', status: 429, headers: {}, body: undefined }, { attempt: 1, tries, maxAttempts: 2, idempotent: true, random }).delayMs;
	const sendItem = async () => {
		for (let tries = 1; !cancel.signal.aborted; tries++) {
			const ticket = await pacer.acquire(cancel.signal).catch(() => undefined);
			if (!ticket) return;
			await jitter();
			const accepted = store.handle(options.who);
			if (!(await answerIn(options.latencyMs?.(clock.now()) ?? 40))) {
				pacer.rate.abandoned(ticket);
				return;
			}
			await jitter();
			if (accepted && options.failsAnyway?.()) {
				pacer.rate.failed(ticket);
				await clock.sleep(backoffAfter(tries, options.random));
				continue;
			}
			if (accepted) {
				pacer.rate.accepted(ticket);
				break;
			}
			pacer.rate.throttled(ticket);
			await clock.sleep(backoffAfter(tries, options.random));
		}
	};
	const worker = async () => {
		while (next < options.items && !cancel.signal.aborted) {
			next++;
			await sendItem();
		}
	};
	// The first request goes alone: it fetches the token the others then use.
	next++;
	await sendItem();
	await Promise.all(Array.from({ length: Math.min(20, options.items - 1) }, worker));
	return { start, end: clock.now() };
}

/** A node that reads pages one at a time (Get Many): each request waits for the answer before it. */
export async function pagesOneAtATime(clock: VirtualClock, store: SimulatedStore, pacer: Pacer, who: string, pages: number): Promise<void> {
	for (let page = 0; page < pages; page++) {
		const ticket = await pacer.acquire();
		store.handle(who);
		// A page's answer is bigger than a removal's: a little slower than the pace of 20/s.
		await clock.sleep(46);
		pacer.rate.accepted(ticket);
	}
}

/** Another client of the store (the storefront, another integration) at a fixed rate for a while. */
export async function otherClient(
	clock: VirtualClock,
	store: SimulatedStore,
	rate: number,
	from: number,
	to: number,
): Promise<void> {
	await clock.sleep(from);
	for (let at = from; at < to; at += 1000 / rate) {
		store.handle('other');
		await clock.sleep(1000 / rate);
	}
}

export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
}

/** Runs `tasks` on the clock until all are done. */
export async function simulate(clock: VirtualClock, tasks: Array<Promise<unknown>>): Promise<void> {
	let finished = false;
	void Promise.all(tasks).then(() => (finished = true));
	await clock.run(() => finished);
}

/** Two cold processes on one store, as the benchmark runs real n8n processes: 600 removals each, one pacer each. */
export interface TwoProcessScenario {
	limit: number;
	mode: WindowMode;
	/** The limit the credential states; undefined: Learn It. */
	known?: number;
	/** How long after the first the second process sends its first request. */
	staggerMs: number;
	seed: number;
	items?: number;
}

export async function twoProcesses(scenario: TwoProcessScenario): Promise<TwoClientFigures> {
	const clock = new VirtualClock();
	const store = new SimulatedStore(clock, scenario.limit, scenario.mode);
	const items = scenario.items ?? 600;
	const run = async (who: string, delayMs: number, seed: number) => {
		if (delayMs > 0) await clock.sleep(delayMs);
		await execution(clock, store, sharedPacerOn(clock, scenario.known), { who, items, random: seededRandom(seed), jitterMs: 5 });
	};
	await simulate(clock, [run('a', 0, scenario.seed * 2 + 1), run('b', scenario.staggerMs, scenario.seed * 2 + 2)]);
	return twoClientFigures(store.traffic(), ['a', 'b'], scenario.limit);
}
