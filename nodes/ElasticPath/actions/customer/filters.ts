import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asText } from '../../transport';
import { eqCondition, likeCondition } from '../shared/filterConditions';

interface TextFilter {
	name: string;
	displayName: string;
	apiField: 'email' | 'name';
	match: 'eq' | 'like';
	placeholder: string;
}

const TEXT_FILTERS: TextFilter[] = [
	{ name: 'email', displayName: 'Email', apiField: 'email', match: 'eq', placeholder: 'e.g. ada@example.com' },
	{ name: 'emailContains', displayName: 'Email Contains', apiField: 'email', match: 'like', placeholder: 'e.g. @example.com' },
	{ name: 'name', displayName: 'Name', apiField: 'name', match: 'eq', placeholder: 'e.g. Ada Lovelace' },
	{ name: 'nameContains', displayName: 'Name Contains', apiField: 'name', match: 'like', placeholder: 'e.g. Ada' },
];

/** The Filters of Customer › Get Many: email and name, exactly or containing a text (case-insensitive), as Elastic Path filters them. */
export const CUSTOMER_FILTERS: INodeProperties[] = TEXT_FILTERS.map(({ name, displayName, apiField, match, placeholder }) => ({
	displayName,
	name,
	type: 'string',
	default: '',
	placeholder,
	description:
		match === 'eq'
			? `Only the customers whose ${apiField} is exactly this (eq). A value holding , ( ) * or : cannot be matched exactly and is refused.`
			: `Only the customers whose ${apiField} contains this, whatever the case (like). The characters , ( ) * : are left out of the search.`,
}));

/** The `filter=` conditions of the filters set on an item; an empty filter is no condition. */
export function customerConditions(context: IExecuteFunctions, itemIndex: number): string[] {
	const raw = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	return TEXT_FILTERS.flatMap(({ name, displayName, apiField, match }) => {
		const value = asText(raw[name])?.trim() ?? '';
		if (!value) return [];
		const field = { name: `filters.${name}`, label: displayName };
		return [match === 'eq' ? eqCondition(context, itemIndex, field, apiField, value) : likeCondition(context, itemIndex, field, apiField, value)];
	});
}
