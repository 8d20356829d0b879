/** A date parameter read as an instant, `undefined` when it is empty, or why it is not a date. */
type DateReading = { instant?: number; problem?: string };

// A date, or a date and time, with no offset: n8n's date picker gives these, in the workflow's time zone.
const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/;

function partsIn(instant: number, timeZone: string): Record<string, number> {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
		second: 'numeric',
	}).formatToParts(new Date(instant));
	return Object.fromEntries(parts.map((part) => [part.type, Number(part.value)]));
}

/** How far `timeZone` is ahead of UTC at `instant`, in ms. */
function zoneOffset(instant: number, timeZone: string): number {
	const p = partsIn(instant, timeZone);
	const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
	return wall - (instant - (((instant % 1000) + 1000) % 1000));
}

/** The instant a wall-clock time (given as if it were UTC) names in `timeZone`. */
function wallTimeToInstant(wall: number, timeZone: string): number {
	const guess = wall - zoneOffset(wall, timeZone);
	return wall - zoneOffset(guess, timeZone);
}

function fromText(text: string, timeZone: string): DateReading {
	const wall = WALL_TIME.exec(text);
	if (wall) {
		const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '0'] = wall;
		const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
		const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
		const check = new Date(asUtc);
		if (Number.isNaN(asUtc) || check.getUTCDate() !== Number(d) || check.getUTCMonth() !== Number(mo) - 1) {
			return { problem: `is not a valid date ("${text}")` };
		}
		return { instant: wallTimeToInstant(asUtc, timeZone) };
	}
	// Anything else must say its offset (ISO 8601 with Z or ±hh:mm), so it means one instant.
	const instant = Date.parse(text);
	if (/\d(?:Z|[+-]\d{2}:?\d{2})$/i.test(text) && !Number.isNaN(instant)) return { instant };
	return { problem: `is not a date ("${text.length > 40 ? `${text.slice(0, 40)}…` : text}"; use e.g. 2026-01-31T00:00:00Z)` };
}

/**
 * Reads a date parameter: an ISO 8601 string (without an offset it is taken in the
 * workflow's time zone, as n8n's date picker means it), a Date, a Luxon DateTime (what
 * `$now.minus(...)` gives) or epoch milliseconds.
 */
export function readDate(value: unknown, timeZone: string): DateReading {
	if (value === undefined || value === null || value === '') return {};
	if (typeof value === 'string') return value.trim() ? fromText(value.trim(), timeZone) : {};
	if (typeof value === 'number') return Number.isFinite(value) ? { instant: value } : { problem: 'is not a date' };
	if (value instanceof Date) {
		return Number.isNaN(value.getTime()) ? { problem: 'is not a valid date' } : { instant: value.getTime() };
	}
	const toMillis = (value as { toMillis?: unknown }).toMillis;
	if (typeof toMillis === 'function') {
		const instant = Number(toMillis.call(value));
		return Number.isFinite(instant) ? { instant } : { problem: 'is not a valid date' };
	}
	return { problem: `is not a date (got ${Array.isArray(value) ? 'a list' : typeof value})` };
}
