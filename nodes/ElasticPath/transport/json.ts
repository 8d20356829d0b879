/*
 * Reading values of unknown shape (answer bodies, deliveries, parameters): the one definition
 * every layer uses, so an object and a piece of text mean the same thing everywhere.
 */
import type { IDataObject } from 'n8n-workflow';

/** `value` as an object with fields, or `undefined` for anything else (arrays and null included). */
export function asRecord(value: unknown): IDataObject | undefined {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : undefined;
}

/** `value` as text: a string as it is, a finite number written out; `undefined` for anything else. */
export function asText(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}
