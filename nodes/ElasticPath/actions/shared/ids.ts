import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { pathSegmentProblem } from './paths';

export interface IdField {
	name: string;
	label: string;
	/** The ID goes into the URL path and must fit in one segment. */
	inPath?: boolean;
}

function asText(value: unknown): string | undefined {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}

/** A required ID parameter of one item, trimmed; a clear error naming the item and the field otherwise. */
export function requiredId(context: IExecuteFunctions, itemIndex: number, field: IdField): string {
	const raw = context.getNodeParameter(field.name, itemIndex, '');
	const value = asText(raw);
	const fail = (problem: string, description: string) =>
		new NodeOperationError(context.getNode(), `${field.label} ${problem} (item ${itemIndex}, field "${field.name}")`, {
			itemIndex,
			description,
		});

	if (value === undefined) {
		throw fail(`must be text, not ${Array.isArray(raw) ? 'a list' : typeof raw}`, `Map "${field.label}" to a single ID.`);
	}
	if (!value) {
		throw fail('is empty', `Set "${field.label}", or check that the expression filling it returns a value for this item.`);
	}
	if (field.inPath) {
		const problem = pathSegmentProblem(value);
		if (problem) throw fail(problem, `"${field.label}" must be an Elastic Path ID.`);
	}
	return value;
}

/** The trimmed text of a parameter, for describing an item in an error output; never throws. */
export function idForReport(context: IExecuteFunctions, itemIndex: number, name: string): string | undefined {
	try {
		return asText(context.getNodeParameter(name, itemIndex, ''));
	} catch {
		// An expression that cannot be evaluated has no value to report; the error item says why it failed.
		return undefined;
	}
}
