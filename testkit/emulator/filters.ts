import type { Answer } from './jsonapi';
import { errorAnswer } from './jsonapi';

/** One condition of Elastic Path's `filter=` syntax: `eq(email,ron@example.com)`, `like(name,*Ron*)`. */
interface Condition {
	operator: 'eq' | 'like';
	field: string;
	value: string;
}

/** Conditions joined by `:` (all must hold). Values are not quoted, so a value cannot hold `,`, `(` or `)`. */
function parse(filter: string): Condition[] | undefined {
	const conditions: Condition[] = [];
	for (const part of filter.split(':')) {
		const match = /^(eq|like)\(([a-z_]+),([^,()]*)\)$/.exec(part);
		if (!match) return undefined;
		conditions.push({ operator: match[1] as Condition['operator'], field: match[2], value: match[3] });
	}
	return conditions;
}

function likePattern(value: string): RegExp {
	const escaped = value.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
	return new RegExp(`^${escaped}$`, 'i');
}

function holds(condition: Condition, actual: unknown): boolean {
	if (typeof actual !== 'string') return false;
	return condition.operator === 'eq' ? actual === condition.value : likePattern(condition.value).test(actual);
}

/**
 * The records a `filter` parameter keeps, `eq` and `like` (`*` a wildcard, case-insensitive) on
 * the `fields` the endpoint allows; a 400 for a filter it cannot read.
 */
export function applyFilter<T extends object>(filter: string | null, records: T[], fields: string[]): T[] | Answer {
	if (filter === null || filter === '') return records;
	const conditions = parse(filter);
	if (!conditions) return errorAnswer(400, 'Bad Request', `The filter "${filter}" is not valid`);
	const unknown = conditions.find((condition) => !fields.includes(condition.field));
	if (unknown) return errorAnswer(400, 'Bad Request', `The field "${unknown.field}" cannot be filtered`);
	return records.filter((record) =>
		conditions.every((condition) => holds(condition, (record as Record<string, unknown>)[condition.field])),
	);
}
