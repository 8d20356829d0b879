import type { Traffic } from './traffic';

/** What some clients got from the store over the time they were sending. */
export interface TrafficFigures {
	accepted: number;
	refused: number;
	/** From the first to the last 100 ms in which they sent anything. */
	seconds: number;
	/** Accepted per second, as a share of `limit`. */
	ratio: number;
	/** Refused (429) as a share of all they sent. */
	refusedShare: number;
}

function series(traffic: Traffic, clientIds: string[], outcome: 'accepted' | 'refused'): number[] {
	const length = Math.max(0, ...Object.values(traffic.clients).map((c) => c.accepted.length));
	const sum = new Array<number>(length).fill(0);
	for (const id of clientIds) (traffic.clients[id]?.[outcome] ?? []).forEach((n, i) => (sum[i] += n));
	return sum;
}

export function trafficFigures(traffic: Traffic, clientIds: string[], limit: number): TrafficFigures {
	const accepted = series(traffic, clientIds, 'accepted');
	const refused = series(traffic, clientIds, 'refused');
	const active = accepted.map((n, i) => n + refused[i] > 0);
	const first = active.indexOf(true);
	const last = active.lastIndexOf(true);
	const total = (s: number[]) => s.reduce((a, b) => a + b, 0);
	const seconds = first < 0 ? 0 : ((last - first + 1) * traffic.bucketMs) / 1000;
	const sent = total(accepted) + total(refused);
	return {
		accepted: total(accepted),
		refused: total(refused),
		seconds,
		ratio: seconds ? total(accepted) / seconds / limit : 0,
		refusedShare: sent ? total(refused) / sent : 0,
	};
}

/**
 * Seconds from `fromEpochMs` to the end of the first window (of `windowMs`, wholly after it) in
 * which `clientIds` together were accepted `fraction` of the free limit: the limit less what the
 * other clients were accepted in that same window. Undefined if never.
 */
export function secondsToFraction(
	traffic: Traffic,
	clientIds: string[],
	limit: number,
	fraction: number,
	fromEpochMs: number,
	windowMs = 500,
): number | undefined {
	const mine = series(traffic, clientIds, 'accepted');
	const others = series(
		traffic,
		Object.keys(traffic.clients).filter((id) => !clientIds.includes(id)),
		'accepted',
	);
	const width = Math.round(windowMs / traffic.bucketMs);
	const inWindow = (s: number[], end: number) => s.slice(end - width + 1, end + 1).reduce((a, b) => a + b, 0);
	const start = Math.max(0, Math.ceil((fromEpochMs - traffic.startedAt) / traffic.bucketMs));
	for (let end = start + width - 1; end < mine.length; end++) {
		const free = (limit * windowMs) / 1000 - inWindow(others, end);
		if (inWindow(mine, end) >= fraction * free) return (traffic.startedAt + (end + 1) * traffic.bucketMs - fromEpochMs) / 1000;
	}
	return undefined;
}

/** The traffic between two moments (epoch ms), to the 100 ms. */
export function sliceTraffic(traffic: Traffic, fromEpochMs: number, toEpochMs: number): Traffic {
	const first = Math.max(0, Math.floor((fromEpochMs - traffic.startedAt) / traffic.bucketMs));
	const end = Math.ceil((toEpochMs - traffic.startedAt) / traffic.bucketMs);
	const clients: Traffic['clients'] = {};
	for (const [id, c] of Object.entries(traffic.clients)) clients[id] = { accepted: c.accepted.slice(first, end), refused: c.refused.slice(first, end) };
	return { startedAt: traffic.startedAt + first * traffic.bucketMs, bucketMs: traffic.bucketMs, clients };
}

/** Two clients sharing one store, as the benchmark's real n8n processes and the rate simulation report them. */
export interface TwoClientFigures {
	ratio: number;
	refusedPercent: number;
	/** The lower one's share of what the store accepted, in the worst full second both sent. */
	worstShare: number | null;
	/** Seconds from the first client's end until the other is accepted at 0.9 of the limit (over half a second). */
	survivorTo09: number | null;
	/** Seconds between the two clients' first requests. */
	startGap: number;
	/** Accepted/refused of A and of B in each second from the first request. */
	perSecond: string[];
}

/** Figures of two clients' traffic: the ratio while either sends, the split in every full second both send, how soon the one left reaches 0.9 of the limit. */
export function twoClientFigures(traffic: Traffic, ids: string[], limit: number): TwoClientFigures {
	const series = ids.map((id) => traffic.clients[id] ?? { accepted: [], refused: [] });
	const active = series.map(({ accepted, refused }) => {
		const busy = accepted.map((n, i) => n + (refused[i] ?? 0) > 0);
		return { first: busy.indexOf(true), last: busy.lastIndexOf(true) };
	});
	const from = Math.min(...active.map((a) => a.first));
	const to = Math.max(...active.map((a) => a.last)) + 1;
	const sum = (values: number[], start: number, end: number) => values.slice(start, end).reduce((a, b) => a + b, 0);
	const accepted = series.reduce((n, s) => n + sum(s.accepted, from, to), 0);
	const refused = series.reduce((n, s) => n + sum(s.refused, from, to), 0);
	const perSecond: string[] = [];
	for (let start = from; start < to; start += 10) {
		perSecond.push(series.map((s) => `${sum(s.accepted, start, start + 10)}/${sum(s.refused, start, start + 10)}`).join(' '));
	}
	// Full seconds in which both send, counted from the later first request.
	let worstShare: number | null = null;
	for (let start = Math.max(...active.map((a) => a.first)); start + 10 <= Math.min(...active.map((a) => a.last)) + 1; start += 10) {
		const [a, b] = series.map((s) => sum(s.accepted, start, start + 10));
		if (a + b > 0) worstShare = Math.min(worstShare ?? 0.5, a / (a + b), b / (a + b));
	}
	const firstEnder = active[0].last <= active[1].last ? 0 : 1;
	const endedAt = traffic.startedAt + (active[firstEnder].last + 1) * traffic.bucketMs;
	return {
		ratio: accepted / ((to - from) / 10) / limit,
		refusedPercent: (100 * refused) / Math.max(1, accepted + refused),
		worstShare,
		survivorTo09: secondsToFraction(traffic, [ids[1 - firstEnder]], limit, 0.9, endedAt) ?? null,
		startGap: Math.abs(active[0].first - active[1].first) / 10,
		perSecond,
	};
}
