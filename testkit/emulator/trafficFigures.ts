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
