import { now as monotonicNow } from './clock';

/** One request as the store's window sees it: when it went, how many of ours were live in the second before, what came back. */
export interface SendTicket {
	sentAt: number;
	/** Our requests sent in the second before this one (and not refused), this one included: what a windowed limit counts. */
	level: number;
	/**
	 * `failed`: taken but not carried out (a 5xx, a reset, a timeout): the store counted it all the same.
	 * `abandoned`: its execution was cancelled while it was out: the store may have counted it, and no answer will come.
	 */
	outcome?: Outcome;
	answeredAt?: number;
}

type Phase = 'start' | 'back' | 'hold' | 'probe';

type Outcome = 'accepted' | 'throttled' | 'failed' | 'abandoned';

/** The store took the request: it counts against the limit whatever came of it. */
const taken = (ticket: SendTicket) => ticket.outcome === 'accepted' || ticket.outcome === 'failed';

/** One second: the window a store counts its limit in. */
export const WINDOW_MS = 1000;

/** The pace held a request back this recently: the rate, not demand, limits sending. */
const PACED_MS = 300;

/** Requests unanswered for longer than that which mean the store stalled. */
const STALLED_REQUESTS = 3;

/** Tuned on the benchmark's scenarios (see docs/performance.md); each value's reason is beside it. */
export const TUNING = {
	/** Requests per second to start at: under a development store's 25/s. */
	initialRate: 20,
	/**
	 * Learning the limit, slow start climbs no higher than just under Elastic Path's documented
	 * production limit, and goes on from there as if the credential had stated it: doubling past it
	 * overshot a fixed window by some twenty refusals (4.7% of a cold 1,000-removal run's requests).
	 * A store whose plan allows more is found by probing past it, more slowly.
	 */
	learnCeiling: 100,
	/** Where the store's limit is known beforehand (the credential states it, or an earlier run learned it): start at this share of it, a first probe bounded by it... */
	knownStartShare: 0.5,
	/** ...but refused in that first climb under this share of it, the store is shared (or its limit lower): back to learning it. */
	knownRefusedShare: 0.8,
	/** Others take at least this share of what the store is known to accept: it is shared... */
	sharedShare: 0.1,
	/** ...and a refusal takes this share of the gap off a rate that is more than all the others take together, so that clients that met late converge to even shares. */
	yieldGain: 0.3,
	/**
	 * A refusal of a rate held on a store of at least this known limit, by a process taking more than
	 * this many times what all the others take (at least this share of the limit, and this many a
	 * second), yields too: a late starter kept small refuses the first one's requests only now and then...
	 */
	heldYieldLimit: 50,
	heldYieldRatio: 2,
	heldSharedShare: 0.05,
	heldSharedMin: 3,
	/** ...while the store refuses few of ours (this share since the last refusal answered): refused more, the rate is over a limit and backs off. */
	heldYieldRefusedShare: 0.1,
	/**
	 * ...checked on this many answers to requests sent this long after it: a lone refusal among them is
	 * a store refusing at random (the yield is undone); this many in a row, a store full even at the
	 * rate yielded to (a client that does not slow down: the yield stands). 30 answers passed a store
	 * refusing 5% at random one time in five, and the yield then cost the run up to 1.3x its time...
	 */
	heldYieldCheckAnswers: 60,
	heldYieldFullRun: 2,
	heldYieldSettleMs: 250,
	/** ...and for this long after a yield is undone, what the store took of ours in the second before is the yielded rate's. */
	yieldUndoneMs: 1500,
	/** ...and for this long after a store was found refusing at random, held rates do not yield. */
	noiseGateMs: 10_000,
	/** Slow start doubles the rate this often while the pace is what holds sending back... */
	startDoublingMs: 250,
	/** ...but never past twice the rate actually sent over the last second: a windowed store only sees counts, and a run-away rate overshoots them. */
	startCountFactor: 2,
	/** Settle this far under the level at which the store refused. */
	headroom: 0.98,
	/** On each later refusal the rate gives up this share too, so that clients sharing a store converge to fair shares. */
	decrease: 0.95,
	/** Back from the back-off to just under the refused level over this long... */
	backMs: 500,
	/** ...hold there at least this long and this many accepted requests (more after a costly probe)... */
	holdMs: 500,
	holdRequests: 40,
	holdPerRefusal: 50,
	holdMax: 150,
	/** ...but no longer than this: at a low rate that many requests would take seconds to reclaim what others freed... */
	holdMaxMs: 1500,
	/** ...unless the store is slow: then at least as long as this many requests take at the highest rate it accepted from us (4 s at 25/s), since each probe costs a refusal or two whatever the rate. */
	holdHighRequests: 100,
	/** ...then probe for freed capacity: base + gain·t³ requests per second, t in seconds (slow at first, fast later). */
	probeGain: 15,
	/** ...below what the store is known to accept, straight up to it in this long; past it at this share of that pace. */
	probeKnownMs: 600,
	probePastKnown: 0.5,
	/** A refused probe raises the held rate by at most this factor, towards what the store accepted of ours in the second before... */
	probeStep: 1.03,
	/** ...unless that was this much more than the held rate: the probe found freed capacity, and it back-offs to just under what it found. */
	probeFound: 1.5,
	/** A step up that the store then refuses is undone, and caps later steps at this share of it. */
	stepBack: 0.99,
	/** While a fixed window stays shut after a back-off: one request every 100 ms until one passes. */
	trickleRate: 10,
	/** Refusals before this many answers are strays: too little is known to call them a limit. */
	matureAnswers: 10,
	/** A back-off is checked on this many answers after it (or this long): refusals that go on at the lower rate are not the limit. */
	verifyAnswers: 40,
	verifyMs: 2000,
	verifyMinAnswers: 30,
	/** The first back-off trusts what passed down to this share of the level (in slow start much is still in flight). */
	firstBackOffFloor: 0.8,
	/** Later back-offs trust what passed in the last second down to this share of the level. */
	backOffFloor: 0.8,
	/** Refusals in a row that make a back-off even where the store accepted as many of ours just before. */
	backOffStreak: 3,
	/** Refusals in a row that make a back-off at a level the store has not accepted lately. */
	newLevelStreak: 2,
	/** Refusals of held rates within this long that mark a store refusing at random: a lone refusal then no longer ends a probe, nor undoes a step. */
	noisyHold: 3,
	noisyHoldMs: 5000,
	/** A probe ends at its first refusal, so its excess leaves the store's window soon after. */
	probeAftermathMs: 250,
	minRate: 1,
};

interface BackOff {
	at: number;
	/** The rate before the back-off, to restore it if the back-off turns out to answer noise. */
	undo: { rate: number; phase: Phase; phaseAge: number; from: number; target: number; base: number; lastLimit?: number };
	refusedShare: number;
	answers: number;
	refused: number;
	/** Two refusals in a row since the window reopened: a limit's pattern more than noise's. */
	inARow: boolean;
	/** A held rate's yield to others, not a back-off: checked on the answers that follow it at once. */
	yielded?: boolean;
	run: number;
}

/**
 * The rate one Elastic Path store accepts from this process, learned from its answers and
 * shared by every execution that talks to it.
 *
 * Slow start finds the limit; each refusal is read against its "level" (how many of our
 * requests the store had counted in the second before), which is what a windowed limit
 * compares with its quota. After a back-off the rate comes back to just under that level, holds,
 * then probes for freed capacity slowly at first and fast later (as CUBIC does), so that
 * capacity another client frees is reclaimed within seconds. A refused probe goes back to
 * the held rate without a back-off: alone at a store's limit, probing costs a refusal or two per
 * hold, and a hold lasts at least 100 requests' worth. A back-off is checked against the
 * answers that follow it: if refusals go on at the lower rate, they were noise (a busy store
 * refusing at random), the back-off is undone and such a share is ignored from then on.
 */
export class RateController {
	private rate: number;

	private phase: Phase = 'start';

	private phaseAt: number;

	private from = 0;

	private target = 0;

	private base = 0;

	private lastLimit?: number;

	private lastPacedAt = -Infinity;

	/** When the pace began holding sending back this time, and the rate then: slow start counts what was sent from there on. */
	private paced: { since: number; rate: number };

	/** 429s for requests sent before this belong to a refusal already answered by a back-off. */
	private holdUntil = -Infinity;

	/** Set by a back-off until a request sent after it passes: until then the store's window is shut. */
	private shutSince?: number;

	private refusedInARow = 0;

	private firstSentAt?: number;

	/** Refusals answered one after another, with no accepted answer between. */
	private streak = 0;

	private acceptedSinceBackOff = 0;

	private refusalsThisEpisode = 0;

	private holdFor = TUNING.holdRequests;

	private noise = 0;

	/** When the store was last found refusing at random. */
	private noiseAt = -Infinity;

	/** When a yield was last undone (the store refused at random), and the rate it went back to. */
	private yieldUndoneAt = -Infinity;

	private yieldUndoneRate = 0;

	private checking?: BackOff;

	/** From when refusals of the held rate are the held rate's own: a second after a back-off, a little after a probe's end. */
	private settledFrom = -Infinity;

	/** When the store refused a rate we held (not a probe's) in the last few seconds: a store with room for it refusing at random. */
	private readonly heldRefusals: number[] = [];

	/** The last step up of the held rate after a refused probe, undone if the store refuses the new rate. */
	private step?: { from: number; to: number };

	/** How high steps may raise the held rate: under one that was refused. */
	private stepCap = Infinity;

	private readonly sends: SendTicket[] = [];

	private readonly answers: SendTicket[] = [];

	private lastUsedAt: number;

	/** The highest level the store has accepted from us. */
	private highest: number;

	/**
	 * What the store is known to accept: the limit given, or the highest rate held since; 0 while
	 * learning it from nothing, until slow start reaches its ceiling unrefused (measured alone against
	 * fixed windows, a held rate can overstate the limit: probing straight up to it and yielding from
	 * it cost 0.93 -> 0.76 of a 100/s store).
	 */
	private storeLimit: number;

	/** Where slow start begins: 20/s, or half the store's known limit. */
	private readonly startRate: number;

	/** Slow start climbs no higher, then holds and probes, rather than overshoot to find the limit (again). */
	private readonly ceiling: number;

	/**
	 * Learning, slow start has reached its ceiling (Elastic Path's documented limit) before the store
	 * took nearly as much from us: a slower store's first refusals may still be on their way.
	 */
	private ceilingUnshown = false;

	/**
	 * @param known What the store is known to accept before it answers anything: the limit the
	 * credential states, or what this process or an earlier run last learned (see registry.ts).
	 * Slow start starts at half of it and climbs to just under it within a fraction of a second.
	 */
	constructor(
		private readonly now: () => number = monotonicNow,
		known?: number,
	) {
		this.phaseAt = now();
		this.lastUsedAt = this.phaseAt;
		const limit = known !== undefined && known > 0 ? known : undefined;
		this.startRate = Math.max(TUNING.initialRate, (limit ?? 0) * TUNING.knownStartShare);
		this.ceiling = Math.max(TUNING.minRate, (limit ?? TUNING.learnCeiling) * TUNING.headroom);
		this.storeLimit = limit === undefined ? 0 : this.ceiling;
		this.rate = Math.min(this.startRate, this.ceiling);
		this.paced = { since: -Infinity, rate: this.rate };
		this.highest = this.rate;
	}

	/** The rate the store was last found to accept, once slow start has found it (or been given it). */
	get learnedRate(): number | undefined {
		// Slow start stopped at Elastic Path's documented limit, which this store has not shown yet.
		if (this.ceilingUnshown) return undefined;
		switch (this.phase) {
			case 'start':
				// Learning, the ceiling is Elastic Path's documented limit, not one this store has shown.
				return this.storeLimit > 0 ? this.ceiling : undefined;
			case 'back':
				return this.target;
			case 'hold':
				return this.rate;
			case 'probe':
				return this.base;
		}
	}

	/** Requests per second the store may be sent now. */
	get currentRate(): number {
		return this.shutSince !== undefined && this.refusedInARow >= 2 ? TUNING.trickleRate : this.rate;
	}

	/** Lets the rate move with time (after a back-off it climbs back, then probes): the pacer calls it before each decision. */
	tick(): void {
		this.grow(this.now());
	}

	/** The pace held a request back: the rate, not concurrency or latency, limits sending. */
	notePaced(): void {
		const now = this.now();
		if (now - this.lastPacedAt >= PACED_MS) {
			// Sending held back by demand (a node reading pages one at a time) keeps what slow start had
			// reached; held back by the store (answers that failed, or took longer than a pause), it starts over.
			const failing = this.answers.some((answer) => answer.outcome === 'failed' && answer.answeredAt! > now - WINDOW_MS);
			// One slow request (the first, which fetched the token) is not a stall; a few are.
			const slow = this.sends.filter((ticket) => ticket.outcome === undefined && ticket.sentAt < now - PACED_MS).length >= STALLED_REQUESTS;
			this.paced = failing || slow ? { since: -Infinity, rate: this.startRate } : { since: now, rate: this.rate };
		}
		this.lastPacedAt = now;
	}

	/** Records a request going out now. */
	send(): SendTicket {
		const now = this.now();
		this.lastUsedAt = now;
		while (this.sends.length && this.sends[0].sentAt <= now - WINDOW_MS) this.sends.shift();
		let level = 1;
		for (const ticket of this.sends) if (ticket.sentAt > now - WINDOW_MS && ticket.outcome !== 'throttled') level++;
		this.firstSentAt ??= now;
		const ticket: SendTicket = { sentAt: now, level };
		this.sends.push(ticket);
		return ticket;
	}

	accepted(ticket: SendTicket): void {
		const now = this.answer(ticket, 'accepted');
		this.acceptedSinceBackOff++;
		this.highest = Math.max(this.highest, ticket.level);
		this.refusedInARow = 0;
		if (this.shutSince !== undefined && ticket.sentAt >= this.shutSince) this.shutSince = undefined;
		this.ceilingShown();
		this.grow(now);
	}

	/**
	 * Answered with a server error, or not at all (a reset, a timeout): it tells nothing about the
	 * limit, but the store counted it, so what the store took in a second is not understated.
	 */
	failed(ticket: SendTicket): void {
		this.answer(ticket, 'failed');
	}

	/**
	 * The execution was cancelled while the request was out: it stays in the level (the store may have
	 * counted it) but says nothing of the store, neither a failure nor a stall that would make
	 * slow start start over for the other executions on the store.
	 */
	abandoned(ticket: SendTicket): void {
		if (ticket.outcome !== undefined) return;
		ticket.outcome = 'abandoned';
		ticket.answeredAt = this.now();
	}

	/** The request never went out (no token could be had): the store counted nothing. */
	notSent(ticket: SendTicket): void {
		const index = this.sends.indexOf(ticket);
		if (index >= 0) this.sends.splice(index, 1);
	}

	/** A 429. Returns whether it changed the rate. */
	throttled(ticket: SendTicket): boolean {
		const now = this.answer(ticket, 'throttled');
		if (this.shutSince !== undefined || ticket.sentAt < this.holdUntil) {
			this.refusalsThisEpisode++;
			this.holdFor = Math.min(TUNING.holdMax, Math.max(TUNING.holdRequests, this.refusalsThisEpisode * TUNING.holdPerRefusal));
			if (this.shutSince !== undefined && ticket.sentAt >= this.shutSince) this.refusedInARow++;
			return false;
		}
		if (this.checking) return false;
		if (this.answers.length < TUNING.matureAnswers) return false;
		const streak = this.streak;
		const sinceHold = this.answers.filter((answer) => answer.sentAt >= this.holdUntil);
		const share = sinceHold.filter((answer) => answer.outcome === 'throttled').length / Math.max(1, sinceHold.length);
		const noisy = this.noise > 0 && share <= this.noise * 1.5 + 0.01;
		const refusesAtRandom = this.refusesAtRandom(now);
		if (!noisy && this.yieldHeldRate(now, ticket, share)) return true;
		// Slow start's refusals may come after it stopped at its ceiling, before the store took as much.
		const starting = this.phase === 'start' || this.ceilingUnshown;
		// Just after a back-off or a probe's end the window still counts what went before.
		const held = !starting && (this.phase === 'hold' || this.phase === 'back') && ticket.sentAt >= this.settledFrom;
		if (held) this.heldRefusals.push(now);
		if (held && this.noise === 0 && !refusesAtRandom && this.undoStep()) return true;
		// A probe above the held rate has found the limit: back to the held rate. Unless the store refused
		// the held rate too, again and again (it refuses at random): then only a run of refusals tells the limit.
		const lone = streak < 2 && (noisy || refusesAtRandom);
		if (this.phase === 'probe' && ticket.sentAt >= this.phaseAt && this.rate > this.base && !lone) {
			const took = this.takenBefore(ticket);
			// Well above the held rate, the probe found capacity others freed: settle under it as after any limit.
			if (took >= this.base * TUNING.probeFound) this.backOff(now, ticket.level, share);
			else this.endProbe(now, took);
			return true;
		}
		if (noisy) return false;
		// A lone refusal at a level the store has just accepted is not a limit: a busy store's noise.
		// Over a limit, refusals come in runs.
		// In slow start every level is new, so only a run tells a limit from noise.
		if (streak < TUNING.backOffStreak && (starting || this.takenAtLevel(ticket))) return false;
		if (streak < TUNING.newLevelStreak) return false;
		this.backOff(now, ticket.level, share);
		return true;
	}

	/** How long since the store last saw a request or gave an answer. */
	idleFor(): number {
		return this.now() - this.lastUsedAt;
	}

	/**
	 * Requests per second sent over the last second, or since the pace began holding sending
	 * back if that is more recent: a node that sent a few pages one at a time (Get Many) before
	 * a bulk node must not slow the bulk node's start.
	 */
	private pacedSendRate(now: number): number {
		const from = Math.max(now - WINDOW_MS, this.paced.since, this.firstSentAt ?? now);
		const sent = this.sends.filter((ticket) => ticket.sentAt >= from).length;
		return (sent * 1000) / Math.max(100, now - from);
	}

	/** Whether the store has lately refused rates we held often enough to call it refusing at random. */
	private refusesAtRandom(now: number): boolean {
		while (this.heldRefusals.length && this.heldRefusals[0] <= now - TUNING.noisyHoldMs) this.heldRefusals.shift();
		return this.heldRefusals.length >= TUNING.noisyHold;
	}

	/** How many of ours sent in the second before `ticket` the store took. */
	private takenBefore(ticket: SendTicket): number {
		return this.answers.filter((answer) => taken(answer) && answer.sentAt > ticket.sentAt - WINDOW_MS && answer.sentAt <= ticket.sentAt).length;
	}

	/** Whether the store took one of ours sent within the second before, counted at as high a level. */
	private takenAtLevel(ticket: SendTicket): boolean {
		return this.answers.some(
			(answer) => taken(answer) && answer.level >= ticket.level && answer.sentAt > ticket.sentAt - WINDOW_MS,
		);
	}

	private answer(ticket: SendTicket, outcome: Outcome): number {
		const now = this.now();
		this.lastUsedAt = now;
		ticket.outcome = outcome;
		ticket.answeredAt = now;
		this.streak = outcome === 'throttled' ? this.streak + 1 : 0;
		this.answers.push(ticket);
		while (this.answers.length && this.answers[0].answeredAt! <= now - WINDOW_MS) this.answers.shift();
		this.check(now, ticket);
		return now;
	}

	private grow(now: number): void {
		const paced = now - this.lastPacedAt < PACED_MS;
		const age = now - this.phaseAt;
		switch (this.phase) {
			case 'start': {
				if (!paced) {
					this.phaseAt = now - TUNING.startDoublingMs * Math.log2(this.rate / this.startRate);
					return;
				}
				const bound = Math.max(this.paced.rate, TUNING.startCountFactor * this.pacedSendRate(now));
				this.rate = Math.min(bound, Math.max(this.rate, this.startRate * 2 ** (age / TUNING.startDoublingMs)));
				if (this.rate >= this.ceiling) {
					this.rate = this.ceiling;
					if (this.storeLimit === 0) this.ceilingUnshown = true;
					this.ceilingShown();
					this.enter('hold', now);
				}
				return;
			}
			case 'back': {
				const done = Math.min(1, age / TUNING.backMs);
				this.rate = this.from + (this.target - this.from) * done;
				if (done >= 1) this.enter('hold', now);
				return;
			}
			case 'hold': {
				// Under what the store is known to accept, the rest is another's: probe for it sooner.
				const slowStore = (TUNING.holdHighRequests * 1000) / Math.max(this.highest, this.storeLimit);
				if (age >= Math.max(TUNING.holdMs, slowStore) && (this.acceptedSinceBackOff >= this.holdFor || age >= TUNING.holdMaxMs)) {
					this.enter('probe', now);
					this.base = this.rate;
					// Held through a whole hold without a refusal: the store accepts at least this.
					if (this.storeLimit > 0) this.storeLimit = Math.max(this.storeLimit, this.base);
				}
				return;
			}
			case 'probe':
				if (!paced) {
					this.enter('probe', now);
					this.base = this.rate;
					return;
				}
				this.rate = Math.max(this.rate, this.probeRate(age));
		}
	}

	/** Once the store has taken nearly the ceiling slow start reached learning, it is known to accept it. */
	private ceilingShown(): void {
		if (!this.ceilingUnshown || this.highest < TUNING.knownRefusedShare * this.ceiling) return;
		this.ceilingUnshown = false;
		this.storeLimit = Math.max(this.storeLimit, this.ceiling);
	}

	/**
	 * A probe `age` ms old: up to what the store is known to accept within `probeKnownMs` (capacity
	 * another process freed comes back within a second), and past it slowly, as a window shows a
	 * probe's excess only once it has filled.
	 */
	private probeRate(age: number): number {
		const cubic = TUNING.probeGain * (age / 1000) ** 3;
		if (this.storeLimit === 0) return this.base + cubic;
		if (this.storeLimit <= this.base) return this.base + cubic * TUNING.probePastKnown;
		const known = this.base + (this.storeLimit - this.base) * Math.min(1, age / TUNING.probeKnownMs);
		return known < this.storeLimit ? known : this.storeLimit + cubic * TUNING.probePastKnown;
	}

	private enter(phase: Phase, now: number): void {
		this.phase = phase;
		this.phaseAt = now;
	}

	/**
	 * A probe was refused: hold again, no back-off, at the held rate or a little above it, towards what
	 * the store accepted of ours in the second before the refused request (a back-off may have left the
	 * held rate low; fixed windows overstate that count, hence only a step at a time).
	 */
	private endProbe(now: number, accepted: number): void {
		// A store refusing at random has the count understated, not overstated: the step goes all the way.
		// So does one that takes less than the others together: it has an even share to reach.
		const underShare = accepted < this.storeLimit - accepted;
		const step = this.refusesAtRandom(now) || underShare ? Infinity : this.base * TUNING.probeStep;
		const raised = Math.min(accepted * TUNING.headroom, step, this.stepCap);
		this.step = raised > this.base ? { from: this.base, to: raised } : undefined;
		this.base = Math.max(this.base, raised);
		if (!this.yieldJustUndone(now)) this.base = this.fairShare(this.base, accepted);
		this.rate = this.base;
		this.beginEpisode(now, 'hold', TUNING.probeAftermathMs);
	}

	/**
	 * A refused rate, lowered towards an even share where the store is shared and this process
	 * takes more of it than all the others together (what it is known to accept less this rate).
	 */
	private fairShare(rate: number, took: number, shared = TUNING.sharedShare * this.storeLimit): number {
		const others = this.storeLimit - took;
		if (others < shared || took <= others) return rate;
		this.step = undefined;
		return Math.min(rate, Math.max(this.storeLimit / 2, took - TUNING.yieldGain * (took - others)));
	}

	/**
	 * A refusal of the held rate while taking far more than all the others together: the first of two
	 * processes holds the store's limit and a second one that started later is kept small, its few
	 * requests refusing this one's only now and then (lone refusals, read as noise otherwise).
	 */
	private yieldHeldRate(now: number, ticket: SendTicket, refusedShare: number): boolean {
		if (this.phase === 'start' || this.phase === 'back' || ticket.sentAt < this.settledFrom) return false;
		if (this.storeLimit < TUNING.heldYieldLimit || now - this.noiseAt < TUNING.noiseGateMs) return false;
		if (refusedShare > TUNING.heldYieldRefusedShare) return false;
		const took = this.takenBefore(ticket);
		if (took < TUNING.heldYieldRatio * (this.storeLimit - took)) return false;
		const fair = this.fairShare(this.rate, took, Math.max(TUNING.heldSharedMin, TUNING.heldSharedShare * this.storeLimit));
		if (fair >= this.rate * TUNING.stepBack) return false;
		const undo = this.undoState(now);
		this.base = this.rate = fair;
		this.beginEpisode(now, 'hold', TUNING.probeAftermathMs);
		this.checking = { at: now, undo, refusedShare, answers: 0, refused: 0, inARow: false, run: 0, yielded: true };
		return true;
	}

	/**
	 * A yield to a store refusing at random was undone within the second or so before: what the store
	 * took of ours since (the level, the count at a probe's end) is the yielded rate's, not what others
	 * left, and an even share or a back-off read from it would hold the rate down.
	 */
	private yieldJustUndone(now: number): boolean {
		return now - this.yieldUndoneAt < TUNING.yieldUndoneMs;
	}

	private undoState(now: number): BackOff['undo'] {
		return { rate: this.rate, phase: this.phase, phaseAge: now - this.phaseAt, from: this.from, target: this.target, base: this.base, lastLimit: this.lastLimit };
	}

	/** A refusal was answered (by a back-off or a probe's end): later 429s for requests sent before now belong to it. */
	private beginEpisode(now: number, phase: Phase, settleMs: number): void {
		this.enter(phase, now);
		this.holdUntil = now;
		this.settledFrom = now + settleMs;
		this.acceptedSinceBackOff = 0;
		this.refusalsThisEpisode = 1;
		this.holdFor = Math.max(TUNING.holdRequests, TUNING.holdPerRefusal);
	}

	/** The store refused the rate a refused probe stepped up to (fixed windows overstate what it accepted): back down, and no higher again. */
	private undoStep(): boolean {
		if (!this.step) return false;
		this.stepCap = this.step.to * TUNING.stepBack;
		this.base = this.rate = this.step.from;
		this.step = undefined;
		return true;
	}

	/** The store refused at `level`: settle just under it. */
	private backOff(now: number, level: number, refusedShare: number): void {
		// Refused before the store took what slow start reached is slow start's refusal still.
		const first = this.phase === 'start' || this.ceilingUnshown;
		this.ceilingUnshown = false;
		this.step = undefined;
		this.stepCap = Infinity;
		// Fixed windows: the level counts some of the previous window too; what passed in the last second bounds it.
		const passed = this.answers.filter((answer) => taken(answer) && answer.sentAt > now - WINDOW_MS - 100).length;
		let limit = Math.min(level, Math.max(passed, level * (first ? TUNING.firstBackOffFloor : TUNING.backOffFloor)));
		if (this.yieldJustUndone(now)) limit = Math.max(limit, this.yieldUndoneRate * TUNING.decrease);
		// Refused in its first climb well under the limit it was given: the store is shared (another
		// cold process, a queue-mode worker) or its limit is lower. The given limit no longer holds: learn.
		if (this.storeLimit > 0 && level < TUNING.knownRefusedShare * this.storeLimit) this.storeLimit = 0;
		// Fast convergence (as CUBIC's): a level lower than last time means others took capacity; give up more.
		if (this.lastLimit !== undefined && level < this.lastLimit) limit = (level * (1 + TUNING.decrease)) / 2;
		const undo = this.undoState(now);
		this.lastLimit = level;
		this.target = Math.max(TUNING.minRate, this.fairShare(limit * TUNING.headroom, passed));
		this.from = first ? this.target : Math.max(TUNING.minRate, Math.min(this.rate, this.target) * TUNING.decrease);
		this.rate = this.from;
		this.beginEpisode(now, first ? 'hold' : 'back', WINDOW_MS);
		this.shutSince = now;
		this.refusedInARow = 0;
		this.checking = { at: now, undo, refusedShare, answers: 0, refused: 0, inARow: false, run: 0 };
	}

	/** Counts the answers that follow a back-off (once the window has reopened) and settles whether it answered the limit. */
	private check(now: number, ticket: SendTicket): void {
		const backOff = this.checking;
		if (!backOff || ticket.sentAt < backOff.at || (this.shutSince !== undefined && ticket.outcome === 'throttled')) return;
		const refused = ticket.outcome === 'throttled';
		if (backOff.yielded) {
			// Yielded: the store has room now, until the others grow into it; a store refusing at random goes on at once.
			if (ticket.sentAt < backOff.at + TUNING.heldYieldSettleMs) return;
			backOff.answers++;
			const afterRefusal = backOff.run > 0;
			backOff.run = refused ? backOff.run + 1 : 0;
			// Refused again and again: the store is full even at the rate yielded to, and the yield stands.
			if (backOff.run >= TUNING.heldYieldFullRun) this.checking = undefined;
			// A refusal: the answers after it tell a store refusing at random from one that is full.
			if (refused) return;
			if (afterRefusal) {
				this.checking = undefined;
				this.yieldUndoneAt = now;
				this.undo(now, backOff, backOff.refusedShare);
				this.yieldUndoneRate = this.rate;
			} else if (backOff.answers >= TUNING.heldYieldCheckAnswers) {
				this.checking = undefined;
			}
			return;
		}
		backOff.answers++;
		backOff.run = refused ? backOff.run + 1 : 0;
		if (refused) backOff.refused++;
		if (backOff.run >= 2) backOff.inARow = true;
		if (backOff.answers < TUNING.verifyAnswers && now - backOff.at < TUNING.verifyMs) return;
		this.checking = undefined;
		const after = backOff.refused / backOff.answers;
		if (backOff.answers >= TUNING.verifyMinAnswers && !backOff.inARow && after >= Math.max(0.5 * backOff.refusedShare, 0.02)) {
			// Refusals went on, scattered, at the lower rate: a busy store refusing at random, not our rate.
			this.undo(now, backOff, after);
		} else {
			this.noise *= 0.7;
		}
	}

	/** A back-off or yield answered a store refusing at random (this share of requests): back to the rate before it. */
	private undo(now: number, backOff: BackOff, noise: number): void {
		this.noise = Math.max(this.noise, noise);
		this.noiseAt = now;
		const { undo } = backOff;
		Object.assign(this, { rate: undo.rate, phase: undo.phase, from: undo.from, target: undo.target, base: undo.base, lastLimit: undo.lastLimit });
		this.phaseAt = now - undo.phaseAge;
	}
}
