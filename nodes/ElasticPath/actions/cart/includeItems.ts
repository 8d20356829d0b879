import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { withOwnFields } from '../shared/ownFields';
import { simplifiedItem } from './cartItems';

/** Version 2's "Include Items" on Cart Get and Get Many: no items (as before), a list in each cart, or one output per cart item. */
export type IncludeItems = 'no' | 'inCart' | 'perItem';

export const INCLUDE_ITEMS_OPTION: INodeProperties = {
	displayName: 'Include Items',
	name: 'includeItems',
	type: 'options',
	options: [
		{ name: 'No', value: 'no', description: 'The cart without its items (no extra request)' },
		{
			name: 'In Each Cart',
			value: 'inCart',
			description: 'The cart with an "items" list, each item simplified with Simplify on',
		},
		{
			name: 'One Item per Cart Item',
			value: 'perItem',
			description: 'An item { cartId, …cart item } for each item of each cart. Carts without items give no item.',
		},
	],
	default: 'no',
	description: 'Whether to read each cart\'s items too (Get Many reads them per cart, after the filters)',
};

export function includeItemsOf(options: IDataObject): IncludeItems {
	return options.includeItems === 'inCart' || options.includeItems === 'perItem' ? options.includeItems : 'no';
}

/** A cart item as output: simplified, or as Elastic Path returns it. */
export function itemOutput(item: IDataObject, simplify: boolean): IDataObject {
	return simplify ? simplifiedItem(item) : item;
}

/**
 * A cart's output with its items: `cart` (its fields, as Simplify or in full) with an `items`
 * list, or one output per item that keeps `own` (its `cartId`, and a pair's `customerId`) first.
 */
export function withItems(
	cart: IDataObject,
	own: IDataObject,
	items: IDataObject[],
	{ mode, simplify }: { mode: Exclude<IncludeItems, 'no'>; simplify: boolean },
): IDataObject[] {
	if (mode === 'inCart') return [{ ...cart, items: items.map((item) => itemOutput(item, simplify)) }];
	return items.map((item) => withOwnFields(own, itemOutput(item, simplify)));
}
