import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { sessionFor } from '../../transport';
import type { Cut, Listed } from '../shared/listing';
import { readListing } from '../shared/listing';
import { withOwnFields } from '../shared/ownFields';
import { NewestFirstWatch } from '../shared/paging';
import type { EpccCart } from './cartResource';
import { cartOutput, relatedIds, timestampOf } from './cartResource';
import { readCartItems } from './cartItems';
import { CART_LISTING } from './common';
import type { CartFilters } from './filters';
import { matchesFilters } from './filters';
import type { IncludeItems } from './includeItems';
import { withItems } from './includeItems';
import { sharedCartListing } from './sharedListing';
import { simplifiedCart } from './simplify';

interface Wanted {
	filters: CartFilters;
	pairs: boolean;
	/** Each cart as Simplify gives it instead of in full. */
	simplify: boolean;
	items: IncludeItems;
	limit: number;
	headers: Record<string, string>;
	/** The carts may come from a listing shared with other runs that started after this (epoch ms). */
	listedAfter?: number;
}

/** The outputs of one cart: the cart, or one per customer ("pairs"), each with its items when asked (read here). */
async function outputsFor(context: IExecuteFunctions, itemIndex: number, cart: EpccCart, wanted: Wanted): Promise<IDataObject[]> {
	const { pairs, simplify, filters } = wanted;
	const fields = simplify ? simplifiedCart(cart) : cartOutput(cart);
	// Filtered by customer, only that customer's pair: removing the others is not what was asked.
	const customers = filters.customerId ? [filters.customerId] : relatedIds(cart, 'customers');
	const owners = pairs ? customers.map((customerId) => ({ cartId: cart.id, customerId })) : [{ cartId: cart.id }];
	if (owners.length === 0) return [];
	const mode = wanted.items;
	if (mode === 'no') return owners.map((own) => (pairs ? withOwnFields(own, fields) : fields));
	const items = await readCartItems.call(context, itemIndex, cart.id, wanted.headers);
	return owners.flatMap((own) => withItems(pairs ? withOwnFields(own, fields) : fields, own, items, { mode, simplify }));
}

function inBatches<T>(values: T[], size: number): T[][] {
	const batches: T[][] = [];
	for (let start = 0; start < values.length; start += size) batches.push(values.slice(start, start + size));
	return batches;
}

/**
 * Lists carts and applies the filters, for one item. Carts come newest `updated_at` first:
 * "updated after" stops at the first older cart (when the order held so far), "updated
 * before" selects the tail, so it reads every page. Items are read for the carts that match,
 * up to Max Concurrency carts at a time, and no further than the limit needs.
 */
export async function listCarts(
	this: IExecuteFunctions,
	itemIndex: number,
	wanted: Wanted,
): Promise<{ output: IDataObject[]; cut?: Cut }> {
	const { filters, limit, headers } = wanted;
	const output: IDataObject[] = [];
	const order = new NewestFirstWatch();
	const concurrency = wanted.items === 'no' ? Infinity : sessionFor(this).settings.maxConcurrency;
	const take = async (carts: Listed[]): Promise<'enough' | 'more'> => {
		const matching: EpccCart[] = [];
		for (const cart of carts) {
			order.see(timestampOf(cart, 'updated_at'));
			if (matchesFilters(cart, filters)) matching.push(cart);
		}
		for (const batch of inBatches(matching, concurrency)) {
			const outputs = await Promise.all(batch.map(async (cart) => await outputsFor(this, itemIndex, cart, wanted)));
			output.push(...outputs.flat());
			if (output.length >= limit) return 'enough';
		}
		const restIsOlder = filters.updatedAfter !== undefined && order.allLaterAtOrBefore(filters.updatedAfter);
		return restIsOlder ? 'enough' : 'more';
	};
	if (wanted.listedAfter !== undefined) {
		const shared = await sharedCartListing.call(this, itemIndex, headers, wanted.listedAfter);
		await take(shared.records);
		return { output: output.slice(0, limit), cut: shared.cut };
	}
	const cut = await readListing.call(this, itemIndex, CART_LISTING, { headers }, take);
	return { output: output.slice(0, limit), cut };
}
