import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsCollection, showFor } from '../shared/fields';
import { filtersCollection, itemLimit, listingNotice, listingOutput, returnAllAndLimit, whenCutOption } from '../shared/getMany';
import type { IdField } from '../shared/ids';
import { optionalId } from '../shared/ids';
import { accountTokenOption, customerTokenOption, tokenHeaders } from '../shared/tokens';
import { wantsSimplified } from '../shared/version';
import { CART_LISTING, RESOURCE } from './common';
import { includeItemsOf } from './includeItems';
import { listCarts } from './listCarts';
import { readFilters } from './readFilters';
import { listingStartedAfter } from './sharedListing';

const show = showFor(RESOURCE, 'getAll');

export const description: INodeProperties[] = [
	listingNotice(CART_LISTING, show),
	...returnAllAndLimit(show),
	filtersCollection(show, [
			{
				displayName: 'Customer ID',
				name: 'customerId',
				type: 'string',
				default: '',
				description:
					"Only carts associated with this customer. The API has no such filter: the node reads each cart's customers.",
			},
			{
				displayName: 'Expires Before',
				name: 'expiresBefore',
				type: 'dateTime',
				default: '',
				description: 'Only carts whose expiry date (meta.timestamps.expires_at) is before this date',
			},
			{
				displayName: 'Only Carts With Customers',
				name: 'withCustomers',
				type: 'boolean',
				default: false,
				description: 'Whether to keep only carts associated with at least one customer',
			},
			{
				displayName: 'Updated After',
				name: 'updatedAfter',
				type: 'dateTime',
				default: '',
				description:
					'Only carts last updated after this date. Carts come newest first, so the listing stops at the first older cart.',
			},
			{
				displayName: 'Updated Before',
				name: 'updatedBefore',
				type: 'dateTime',
				default: '',
				description:
					'Only carts last updated before this date, e.g. {{ $now.minus({ days: 30 }) }} for carts untouched for 30 days. These are the last carts of the listing, so every page is read.',
			},
	]),
	optionsCollection(show, [
		accountTokenOption,
		{ ...customerTokenOption, description: `${customerTokenOption.description} With one, Get Many lists that customer's carts only.` },
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			options: [
				{ name: 'One Item per Cart', value: 'cart', description: 'The cart, with cartId, customerIds and accountIds' },
				{
					name: 'One Item per Cart and Customer',
					value: 'cartCustomerPair',
					description:
						'{ cartId, customerId, …cart } for each customer of each cart, ready for Remove Customer From Cart. Carts without customers give no item.',
				},
			],
			default: 'cart',
		},
		whenCutOption(CART_LISTING),
	]),
];

/** The filters version 2 adds: what a reminder needs to know of a cart, read from the cart itself. */
export const VERSION_2_FILTERS: INodeProperties[] = [
	{
		displayName: 'Only Carts With Items',
		name: 'withItems',
		type: 'boolean',
		default: false,
		description: 'Whether to keep only carts holding at least one item (read from the cart\'s relationships.items)',
	},
	{
		displayName: 'Worth at Least',
		name: 'minTotal',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description:
			"Only carts whose total with tax (meta.display_price.with_tax.amount) is at least this, in the currency's minor unit as Elastic Path counts amounts: 5000 is $50.00",
	},
];

const FILTER_CUSTOMER: IdField = { name: 'filters.customerId', label: 'Customer ID' };

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const filters = readFilters(this, itemIndex);
	filters.customerId = await optionalId(this, itemIndex, FILTER_CUSTOMER);
	const listing = await listCarts.call(this, itemIndex, {
		filters,
		pairs: options.output === 'cartCustomerPair',
		simplify: wantsSimplified(this, itemIndex),
		items: includeItemsOf(options),
		limit: itemLimit(this, itemIndex),
		headers: tokenHeaders(this, itemIndex, options),
		listedAfter: listingStartedAfter(this, itemIndex, options),
	});
	return listingOutput(this, itemIndex, CART_LISTING, { ...listing, whenCut: options.whenCut });
}

export function identify(): IDataObject {
	return {};
}
