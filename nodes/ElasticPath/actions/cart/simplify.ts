import type { IDataObject } from 'n8n-workflow';

import type { EpccCart } from './cartResource';
import { relatedIds } from './cartResource';

function record(value: unknown): IDataObject {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
}

/**
 * "Simplify": the fields a workflow (or an AI agent) usually needs from a cart, at most ten:
 * IDs, name, item count, the total with tax as Elastic Path displays it, and the three dates.
 */
export function simplifiedCart(cart: EpccCart): IDataObject {
	const meta = record(cart.meta);
	const timestamps = record(meta.timestamps);
	const items = record(record(cart.relationships).items).data;
	return {
		cartId: cart.id,
		name: cart.name,
		customerIds: relatedIds(cart, 'customers'),
		accountIds: relatedIds(cart, 'accounts'),
		itemCount: Array.isArray(items) ? items.length : 0,
		totalWithTax: record(meta.display_price).with_tax,
		createdAt: timestamps.created_at,
		updatedAt: timestamps.updated_at,
		expiresAt: timestamps.expires_at,
	};
}
