import type { TriggerState } from './state';

const REMEMBER_MS = 24 * 60 * 60 * 1000;

/** Enough for a busy store's retries within a day, small enough to save with the workflow at every delivery. */
export const MAX_REMEMBERED_EVENTS = 2000;

/**
 * Whether `eventId` was delivered in the last 24 hours; if not, it is remembered now.
 * Elastic Path delivers at least once and retries on a slow or failed answer, so one event
 * can arrive twice. Memory is bounded by age and by count (the oldest go first).
 */
export function seenBefore(state: TriggerState, eventId: string, now = Date.now()): boolean {
	const recent = (state.recentEvents ?? []).filter(([, at]) => at > now - REMEMBER_MS);
	const repeated = recent.some(([id]) => id === eventId);
	if (!repeated) recent.push([eventId, now]);
	// A new array each time: n8n saves static data when a property of it is set.
	state.recentEvents = recent.slice(-MAX_REMEMBERED_EVENTS);
	return repeated;
}
