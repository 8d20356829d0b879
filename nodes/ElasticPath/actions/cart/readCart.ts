import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asRecord, epccRequest } from '../../transport';
import { cartPath } from '../shared/paths';
import type { EpccCart } from './cartResource';
import { asCart } from './cartResource';
import { itemsIn } from './cartItems';

/** `GET /v2/carts/{cartId}` (`CartEntityResponse`), with `include=items` when asked: the cart in `data`, its items in `included.items`. */
async function getCart(context: IExecuteFunctions, itemIndex: number, cartId: string, headers: Record<string, string>, withItems: boolean) {
	const response = await epccRequest.call(context, itemIndex, {
		method: 'GET',
		path: cartPath(cartId),
		headers,
		...(withItems ? { qs: { include: 'items' } } : {}),
	});
	const body = asRecord(response.body);
	const cart = asCart(body?.data);
	if (!cart) {
		throw new NodeOperationError(context.getNode(), `Elastic Path answered the request for cart ${cartId} without the cart`, {
			itemIndex,
		});
	}
	return { cart, body };
}

export async function readCart(
	this: IExecuteFunctions,
	itemIndex: number,
	cartId: string,
	headers: Record<string, string>,
): Promise<EpccCart> {
	return (await getCart(this, itemIndex, cartId, headers, false)).cart;
}

/** The cart and its items in one request (`?include=items`); a cart without items may have no `included` at all. */
export async function readCartWithItems(
	this: IExecuteFunctions,
	itemIndex: number,
	cartId: string,
	headers: Record<string, string>,
): Promise<{ cart: EpccCart; items: IDataObject[] }> {
	const { cart, body } = await getCart(this, itemIndex, cartId, headers, true);
	return { cart, items: itemsIn(asRecord(body?.included)?.items) ?? [] };
}
