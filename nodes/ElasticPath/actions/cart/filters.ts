import type { EpccCart } from './cartResource';
import { itemCountOf, relatedIds, timestampOf, totalWithTaxOf } from './cartResource';

/** The filters Get Many applies to each cart itself: the API has none of them. Dates are epoch ms. */
export interface CartFilters {
	updatedBefore?: number;
	updatedAfter?: number;
	expiresBefore?: number;
	withCustomers?: boolean;
	customerId?: string;
	/** Version 2: at least one item (line). */
	withItems?: boolean;
	/** Version 2: a total with tax of at least this, in the currency's minor unit. */
	minTotal?: number;
}

function totalAmountOf(cart: EpccCart): number | undefined {
	const amount = totalWithTaxOf(cart)?.amount;
	return typeof amount === 'number' && Number.isFinite(amount) ? amount : undefined;
}

/**
 * A cart whose timestamp is missing matches no date filter (a cleanup must not act on a cart
 * it cannot date), one without a readable total no value filter.
 */
export function matchesFilters(cart: EpccCart, filters: CartFilters): boolean {
	const updated = timestampOf(cart, 'updated_at');
	if (filters.updatedBefore !== undefined && !(updated !== undefined && updated < filters.updatedBefore)) return false;
	if (filters.updatedAfter !== undefined && !(updated !== undefined && updated > filters.updatedAfter)) return false;
	if (filters.expiresBefore !== undefined) {
		const expires = timestampOf(cart, 'expires_at');
		if (!(expires !== undefined && expires < filters.expiresBefore)) return false;
	}
	if (filters.withCustomers || filters.customerId) {
		const customers = relatedIds(cart, 'customers');
		if (customers.length === 0) return false;
		if (filters.customerId && !customers.includes(filters.customerId)) return false;
	}
	if (filters.withItems && itemCountOf(cart) === 0) return false;
	if (filters.minTotal !== undefined) {
		const total = totalAmountOf(cart);
		if (!(total !== undefined && total >= filters.minTotal)) return false;
	}
	return true;
}
