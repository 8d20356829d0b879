import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readDate } from './dates';
import type { CartFilters } from './filters';

function filterError(context: IExecuteFunctions, itemIndex: number, name: string, problem: string, description?: string) {
	return new NodeOperationError(context.getNode(), `${problem} (item ${itemIndex}, field "filters.${name}")`, {
		itemIndex,
		description,
	});
}

/** "Worth at Least" (version 2): a whole amount in minor units, 0 or more; `undefined` when unset. */
function amount(context: IExecuteFunctions, itemIndex: number, value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const number = typeof value === 'string' ? Number(value.trim()) : value;
	if (typeof number !== 'number' || !Number.isFinite(number) || number < 0) {
		throw filterError(context, itemIndex, 'minTotal', `Worth at Least must be an amount of 0 or more, in the currency's minor unit (got ${JSON.stringify(value)})`, 'e.g. 5000 for $50.00.');
	}
	return number;
}

/** The filters of Get Many, read and checked: errors name the item and the field. (The customer is an ID: see `optionalId`.) */
export function readFilters(context: IExecuteFunctions, itemIndex: number): CartFilters {
	const raw = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const timeZone = context.getTimezone();
	const date = (name: string, label: string): number | undefined => {
		const reading = readDate(raw[name], timeZone);
		if (reading.problem) throw filterError(context, itemIndex, name, `${label} ${reading.problem}`);
		return reading.instant;
	};
	const filters: CartFilters = {
		updatedBefore: date('updatedBefore', 'Updated Before'),
		updatedAfter: date('updatedAfter', 'Updated After'),
		expiresBefore: date('expiresBefore', 'Expires Before'),
		withCustomers: raw.withCustomers === true,
		withItems: raw.withItems === true,
		minTotal: amount(context, itemIndex, raw.minTotal),
	};
	if (filters.updatedAfter !== undefined && filters.updatedBefore !== undefined && filters.updatedAfter >= filters.updatedBefore) {
		throw filterError(context, itemIndex, 'updatedAfter', 'Updated After is not earlier than Updated Before', 'No cart can match both.');
	}
	return filters;
}
