import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export interface IdField {
	/** The parameter's name (or path, e.g. `filters.customerId`); also the key of the ID in outputs. */
	name: string;
	label: string;
	/** The ID goes into the URL path and must fit in one segment. */
	inPath?: boolean;
}

/** An error about one item's field, naming both after `message`. */
export function itemFieldError(context: IExecuteFunctions, itemIndex: number, field: IdField, message: string, description: string) {
	return new NodeOperationError(context.getNode(), `${message} (item ${itemIndex}, field "${field.name}")`, { itemIndex, description });
}

/** An error about one item's field: "<label> <problem> (item i, field "name")". */
export function fieldError(context: IExecuteFunctions, itemIndex: number, field: IdField, problem: string, description: string) {
	return itemFieldError(context, itemIndex, field, `${field.label} ${problem}`, description);
}
