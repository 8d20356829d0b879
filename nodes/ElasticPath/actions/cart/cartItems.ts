import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asRecord, epccRequest } from '../../transport';
import { cartItemsPath } from '../shared/paths';

/** The items of an answer's list (`data` of `GET /v2/carts/{id}/items`, `included.items` of `?include=items`); `undefined` when it is no list. */
export function itemsIn(list: unknown): IDataObject[] | undefined {
	if (!Array.isArray(list)) return undefined;
	return list.filter((entry): entry is IDataObject => asRecord(entry) !== undefined);
}

/** `GET /v2/carts/{cartId}/items` (`CartItemCollectionResponse`): the cart's items. */
export async function readCartItems(
	this: IExecuteFunctions,
	itemIndex: number,
	cartId: string,
	headers: Record<string, string>,
): Promise<IDataObject[]> {
	const response = await epccRequest.call(this, itemIndex, { method: 'GET', path: cartItemsPath(cartId), headers });
	const items = itemsIn(asRecord(response.body)?.data);
	if (!items) {
		throw new NodeOperationError(this.getNode(), `Elastic Path answered the request for the items of cart ${cartId} without a "data" list`, {
			itemIndex,
		});
	}
	return items;
}

/** A price as Elastic Path displays it with tax (`meta.display_price.with_tax.unit` or `.value`), else the item's own (`unit_price`, `value`). */
function priceOf(item: IDataObject, displayed: 'unit' | 'value', own: 'unit_price' | 'value'): IDataObject[string] {
	const withTax = asRecord(asRecord(asRecord(item.meta)?.display_price)?.with_tax);
	return asRecord(withTax?.[displayed]) ?? item[own];
}

/**
 * "Simplify": a cart item as a reminder or an agent needs it: its ID, name, SKU, quantity,
 * and its unit price and value (unit price × quantity) with tax, as Elastic Path displays them
 * (`amount` in minor units, `currency`, `formatted`).
 */
export function simplifiedItem(item: IDataObject): IDataObject {
	return {
		cartItemId: item.id,
		name: item.name,
		sku: item.sku,
		quantity: item.quantity,
		unitPrice: priceOf(item, 'unit', 'unit_price'),
		value: priceOf(item, 'value', 'value'),
	};
}
