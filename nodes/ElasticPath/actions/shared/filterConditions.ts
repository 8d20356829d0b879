import type { IExecuteFunctions } from 'n8n-workflow';

import { isExactlyFilterable, likeValue, UNFILTERABLE_CHARACTERS } from './filterValues';
import type { IdField } from './idField';
import { fieldError } from './idField';

/* Conditions of Elastic Path's `filter=` made from a node's filter fields; what cannot be said in it is an error naming the item and the field. */

/** `eq(apiField,value)`: refused when the value holds a character that would end or change the condition. */
export function eqCondition(context: IExecuteFunctions, itemIndex: number, field: IdField, apiField: string, value: string): string {
	if (!isExactlyFilterable(value)) {
		throw fieldError(
			context,
			itemIndex,
			field,
			`cannot match "${value}" exactly: it holds one of ${UNFILTERABLE_CHARACTERS}`,
			"Elastic Path's filter does not quote values, so such a value would match other records or none.",
		);
	}
	return `eq(${apiField},${value})`;
}

/** `like(apiField,*text*)`, the text without the characters the filter cannot carry; refused when nothing is left to search for. */
export function likeCondition(context: IExecuteFunctions, itemIndex: number, field: IdField, apiField: string, text: string): string {
	const like = likeValue(text);
	if (!like) {
		throw fieldError(context, itemIndex, field, `has nothing to search for once ${UNFILTERABLE_CHARACTERS} are left out`, 'Type part of what to find.');
	}
	return `like(${apiField},${like})`;
}

/** Conditions joined as Elastic Path's filter joins them (all must hold); `{}` when there are none. */
export function filterQuery(conditions: string[]): { filter?: string } {
	return conditions.length ? { filter: conditions.join(':') } : {};
}
