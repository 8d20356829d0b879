import type { IExecuteFunctions } from 'n8n-workflow';

import { filterError, filterReader } from '../shared/filterFields';
import type { CartFilters } from './filters';

/** "Worth at Least" (version 2): an amount in minor units, 0 or more; `undefined` when unset. */
function amount(context: IExecuteFunctions, itemIndex: number, value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const number = typeof value === 'string' ? Number(value.trim()) : value;
	if (typeof number !== 'number' || !Number.isFinite(number) || number < 0) {
		throw filterError(context, itemIndex, 'minTotal', `Worth at Least must be an amount of 0 or more, in the currency's minor unit (got ${String(value).slice(0, 40)})`, 'e.g. 5000 for $50.00.');
	}
	return number;
}

/** The filters of Get Many, read and checked: errors name the item and the field. (The customer is an ID: see `optionalId`.) */
export function readFilters(context: IExecuteFunctions, itemIndex: number): CartFilters {
	const { raw, date, checkRange } = filterReader(context, itemIndex);
	const filters: CartFilters = {
		updatedBefore: date('updatedBefore', 'Updated Before'),
		updatedAfter: date('updatedAfter', 'Updated After'),
		expiresBefore: date('expiresBefore', 'Expires Before'),
		withCustomers: raw.withCustomers === true,
		withItems: raw.withItems === true,
		minTotal: amount(context, itemIndex, raw.minTotal),
	};
	checkRange({ name: 'updatedAfter', label: 'Updated After', at: filters.updatedAfter }, { label: 'Updated Before', at: filters.updatedBefore }, 'cart');
	return filters;
}
