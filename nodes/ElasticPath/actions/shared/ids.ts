import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { asText } from '../../transport';
import { customerIdByEmail } from './customerByEmail';
import type { IdField } from './idField';
import { fieldError } from './idField';
import { LOCATOR_MODE, readLocator } from './locators';
import { pathSegmentProblem } from './paths';

export type { IdField } from './idField';

/** An ID field's value as trimmed text: empty when unset, `undefined` when it is no text (a list, an object). */
function idText(value: unknown): string | undefined {
	return value === undefined || value === null ? '' : asText(value)?.trim();
}

/** The value of an ID field as text, trimmed; empty when unset. */
function textOf(context: IExecuteFunctions, itemIndex: number, field: IdField, raw: unknown): string {
	const value = idText(raw);
	if (value === undefined) {
		const kind = Array.isArray(raw) ? 'a list' : typeof raw;
		throw fieldError(context, itemIndex, field, `must be text, not ${kind}`, `Map "${field.label}" to a single ID.`);
	}
	return value;
}

function checkedId(context: IExecuteFunctions, itemIndex: number, field: IdField, value: string): string {
	if (!value) {
		throw fieldError(context, itemIndex, field, 'is empty', `Set "${field.label}", or check that the expression filling it returns a value for this item.`);
	}
	if (field.inPath) {
		const problem = pathSegmentProblem(value);
		if (problem) throw fieldError(context, itemIndex, field, problem, `"${field.label}" must be an Elastic Path ID.`);
	}
	return value;
}

/**
 * A required ID of one item, trimmed and validated, whatever the parameter holds: a string
 * (version 1) or a resource locator (version 2: from the list, by ID, or a customer by email,
 * looked up here). Errors name the item and the field.
 */
export async function requiredId(context: IExecuteFunctions, itemIndex: number, field: IdField): Promise<string> {
	const { mode, value } = readLocator(context.getNodeParameter(field.name, itemIndex, ''));
	const text = textOf(context, itemIndex, field, value);
	if (mode === LOCATOR_MODE.email) return await customerIdByEmail(context, itemIndex, field, text);
	return checkedId(context, itemIndex, field, text);
}

/** Like `requiredId`, for an optional field: `undefined` when it is empty. */
export async function optionalId(context: IExecuteFunctions, itemIndex: number, field: IdField): Promise<string | undefined> {
	const { value } = readLocator(context.getNodeParameter(field.name, itemIndex, ''));
	if (!textOf(context, itemIndex, field, value)) return undefined;
	return await requiredId(context, itemIndex, field);
}

/**
 * What an ID field held, for describing an item in an error output; never throws. A customer
 * given by email is reported as `customerEmail`, not as an ID it is not.
 */
export function idForReport(context: IExecuteFunctions, itemIndex: number, name: string): IDataObject {
	try {
		const { mode, value } = readLocator(context.getNodeParameter(name, itemIndex, ''));
		return mode === LOCATOR_MODE.email ? { customerEmail: idText(value) } : { [name]: idText(value) };
	} catch {
		// An expression that cannot be evaluated has no value to report; the error item says why it failed.
		return { [name]: undefined };
	}
}
