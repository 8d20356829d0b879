import { MAX_REMEMBERED_EVENTS, seenBefore } from '../../../nodes/ElasticPathTrigger/repeats';
import type { TriggerState } from '../../../nodes/ElasticPathTrigger/state';

const HOUR = 3600_000;

describe('seenBefore: repeated deliveries', () => {
	it('is false the first time, true for the same event ID later', () => {
		const state: TriggerState = {};
		expect(seenBefore(state, 'evt-1', 0)).toBe(false);
		expect(seenBefore(state, 'evt-2', 1)).toBe(false);
		expect(seenBefore(state, 'evt-1', 2)).toBe(true);
	});

	it('forgets an event after 24 hours', () => {
		const state: TriggerState = {};
		seenBefore(state, 'evt-1', 0);
		expect(seenBefore(state, 'evt-1', 23 * HOUR)).toBe(true);
		seenBefore(state, 'evt-2', 24 * HOUR + 1);
		expect(state.recentEvents?.map(([id]) => id)).toEqual(['evt-2']);
		expect(seenBefore(state, 'evt-1', 24 * HOUR + 2)).toBe(false);
	});

	it('keeps at most MAX_REMEMBERED_EVENTS, dropping the oldest first', () => {
		const state: TriggerState = {};
		for (let n = 0; n <= MAX_REMEMBERED_EVENTS; n++) seenBefore(state, `evt-${n}`, n);
		expect(state.recentEvents).toHaveLength(MAX_REMEMBERED_EVENTS);
		expect(state.recentEvents![0][0]).toBe('evt-1');
		expect(seenBefore(state, 'evt-0', MAX_REMEMBERED_EVENTS + 1)).toBe(false);
	});

	it('treats IDs as plain strings, even those named like object properties', () => {
		const state: TriggerState = {};
		expect(seenBefore(state, '__proto__', 0)).toBe(false);
		expect(seenBefore(state, 'constructor', 0)).toBe(false);
		expect(seenBefore(state, '__proto__', 1)).toBe(true);
	});
});
