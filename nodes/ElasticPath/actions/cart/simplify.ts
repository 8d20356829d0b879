import type { IDataObject } from 'n8n-workflow';

import { asRecord } from '../../transport';
import type { EpccCart } from './cartResource';
import { itemCountOf, relatedIds, totalWithTaxOf } from './cartResource';

/**
 * "Simplify": the fields a workflow (or an AI agent) usually needs from a cart, at most ten:
 * IDs, name, item count, the total with tax as Elastic Path displays it, and the three dates.
 */
export function simplifiedCart(cart: EpccCart): IDataObject {
	const timestamps = asRecord(asRecord(cart.meta)?.timestamps);
	return {
		cartId: cart.id,
		name: cart.name,
		customerIds: relatedIds(cart, 'customers'),
		accountIds: relatedIds(cart, 'accounts'),
		itemCount: itemCountOf(cart),
		totalWithTax: totalWithTaxOf(cart),
		createdAt: timestamps?.created_at,
		updatedAt: timestamps?.updated_at,
		expiresAt: timestamps?.expires_at,
	};
}
