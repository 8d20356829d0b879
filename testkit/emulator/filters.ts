import type { Answer } from './jsonapi';
import { errorAnswer } from './jsonapi';

/** How a field filters: text with `eq` and `like`, a date (`YYYY-MM-DD`) with `eq`, `gt`, `ge`, `lt` and `le`. */
export type FieldKind = 'text' | 'date';

const OPERATORS: Record<FieldKind, string[]> = { text: ['eq', 'like'], date: ['eq', 'gt', 'ge', 'lt', 'le'] };

/** One condition of Elastic Path's `filter=` syntax: `eq(email,ron@example.com)`, `like(name,*Ron*)`, `gt(created_at,2026-01-31)`. */
interface Condition {
	operator: string;
	field: string;
	value: string;
}

/** Conditions joined by `:` (all must hold). Values are not quoted, so a value cannot hold `,`, `(` or `)`. */
function parse(filter: string): Condition[] | undefined {
	const conditions: Condition[] = [];
	for (const part of filter.split(':')) {
		const match = /^(eq|like|gt|ge|lt|le)\(([a-z_]+),([^,()]*)\)$/.exec(part);
		if (!match) return undefined;
		conditions.push({ operator: match[1], field: match[2], value: match[3] });
	}
	return conditions;
}

function likePattern(value: string): RegExp {
	const escaped = value.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
	return new RegExp(`^${escaped}$`, 'i');
}

const DAY_MS = 24 * 3600 * 1000;

/** The start of the day `YYYY-MM-DD` names (UTC), `undefined` for anything else. */
function dayStart(value: string): number | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!match) return undefined;
	const start = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
	return new Date(start).getUTCDate() === Number(match[3]) ? start : undefined;
}

/** A date condition compares the record's instant with the start of the day given (`eq`: within that day). */
function holdsForDate(condition: Condition, actual: unknown, day: number): boolean {
	if (typeof actual !== 'number') return false;
	switch (condition.operator) {
		case 'gt':
			return actual > day;
		case 'ge':
			return actual >= day;
		case 'lt':
			return actual < day;
		case 'le':
			return actual <= day;
		default:
			return actual >= day && actual < day + DAY_MS;
	}
}

function holdsForText(condition: Condition, actual: unknown): boolean {
	if (typeof actual !== 'string') return false;
	return condition.operator === 'eq' ? actual === condition.value : likePattern(condition.value).test(actual);
}

/**
 * The records a `filter` parameter keeps, on the `fields` the endpoint allows: text fields with
 * `eq` and `like` (`*` a wildcard, case-insensitive), date fields (epoch ms in the record) with
 * `eq`, `gt`, `ge`, `lt` and `le` against a `YYYY-MM-DD` day; a 400 for a filter it cannot read.
 */
export function applyFilter<T extends object>(filter: string | null, records: T[], fields: Record<string, FieldKind>): T[] | Answer {
	if (filter === null || filter === '') return records;
	const conditions = parse(filter);
	if (!conditions) return errorAnswer(400, 'Bad Request', `The filter "${filter}" is not valid`);
	const days = new Map<Condition, number>();
	for (const condition of conditions) {
		const kind = fields[condition.field];
		if (!kind) return errorAnswer(400, 'Bad Request', `The field "${condition.field}" cannot be filtered`);
		if (!OPERATORS[kind].includes(condition.operator)) {
			return errorAnswer(400, 'Bad Request', `The field "${condition.field}" cannot be filtered with ${condition.operator}`);
		}
		if (kind === 'date') {
			const day = dayStart(condition.value);
			if (day === undefined) return errorAnswer(400, 'Bad Request', `"${condition.value}" is not a date (YYYY-MM-DD)`);
			days.set(condition, day);
		}
	}
	return records.filter((record) =>
		conditions.every((condition) => {
			const actual = (record as Record<string, unknown>)[condition.field];
			const day = days.get(condition);
			return day === undefined ? holdsForText(condition, actual) : holdsForDate(condition, actual, day);
		}),
	);
}
