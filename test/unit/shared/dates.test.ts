import { readDate } from '../../../nodes/ElasticPath/actions/shared/dates';

describe('reading a date parameter', () => {
	it.each([
		['UTC with Z', '2026-11-20T12:00:00Z', Date.UTC(2026, 10, 20, 12)],
		['with an offset', '2026-11-20T12:00:00+02:00', Date.UTC(2026, 10, 20, 10)],
		['with milliseconds and a compact offset', '2026-11-20T12:00:00.250-0500', Date.UTC(2026, 10, 20, 17, 0, 0, 250)],
	])('%s means that instant, whatever the workflow time zone', (_label, text, instant) => {
		expect(readDate(text, 'Asia/Tokyo')).toEqual({ instant });
	});

	it.each([
		['Europe/Berlin in winter (UTC+1)', '2026-01-15T08:30:00', 'Europe/Berlin', Date.UTC(2026, 0, 15, 7, 30)],
		['Europe/Berlin in summer (UTC+2)', '2026-07-15T08:30:00', 'Europe/Berlin', Date.UTC(2026, 6, 15, 6, 30)],
		['America/New_York, a date only', '2026-03-01', 'America/New_York', Date.UTC(2026, 2, 1, 5)],
		['UTC, with a space and no seconds', '2026-03-01 10:15', 'UTC', Date.UTC(2026, 2, 1, 10, 15)],
		['Asia/Kolkata (UTC+5:30)', '2026-03-01T00:00:00.5', 'Asia/Kolkata', Date.UTC(2026, 1, 28, 18, 30, 0, 500)],
	])('without an offset, is wall time in the workflow time zone: %s', (_label, text, zone, instant) => {
		expect(readDate(text, zone)).toEqual({ instant });
	});

	it('takes the first of the two instants a wall time names when clocks go back', () => {
		// 02:30 happens twice in Berlin on 2026-10-25; either reading is an instant of that wall time.
		const reading = readDate('2026-10-25T02:30', 'Europe/Berlin') as { instant: number };
		expect([Date.UTC(2026, 9, 25, 0, 30), Date.UTC(2026, 9, 25, 1, 30)]).toContain(reading.instant);
	});

	it('takes Dates, Luxon DateTimes and epoch milliseconds', () => {
		const instant = Date.UTC(2026, 10, 20, 12);
		expect(readDate(new Date(instant), 'UTC')).toEqual({ instant });
		expect(readDate({ toMillis: () => instant, toISO: () => 'ignored' }, 'UTC')).toEqual({ instant });
		expect(readDate(instant, 'UTC')).toEqual({ instant });
	});

	it.each([[undefined], [null], [''], ['   ']])('reads %j as no date', (value) => {
		expect(readDate(value, 'UTC')).toEqual({});
	});

	it.each([
		['last month', 'is not a date ("last month"; use e.g. 2026-01-31T00:00:00Z)'],
		['2026-02-30', 'is not a valid date ("2026-02-30")'],
		['2026-13-01T00:00:00', 'is not a valid date ("2026-13-01T00:00:00")'],
		// An ambiguous form Date.parse would read in the server's own zone.
		['Nov 20 2026 12:00', 'is not a date ("Nov 20 2026 12:00"; use e.g. 2026-01-31T00:00:00Z)'],
	])('refuses %j', (text, problem) => {
		expect(readDate(text, 'UTC')).toEqual({ problem });
	});

	it.each([
		[Number.NaN, 'is not a date'],
		[new Date('nope'), 'is not a valid date'],
		[['2026-01-01'], 'is not a date (got a list)'],
		[true, 'is not a date (got boolean)'],
	])('refuses %p', (value, problem) => {
		expect(readDate(value, 'UTC')).toEqual({ problem });
	});
});
