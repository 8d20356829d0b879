import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { CART_ID, cartIdField, optionsCollection, showFor } from '../shared/fields';
import { requiredId } from '../shared/ids';
import { accountTokenOption, customerTokenOption, tokenHeaders } from '../shared/tokens';
import { wantsSimplified } from '../shared/version';
import { cartOutput, itemCountOf } from './cartResource';
import { readCartItems } from './cartItems';
import { identifyCart, RESOURCE } from './common';
import { includeItemsOf, withItems } from './includeItems';
import { readCart, readCartWithItems } from './readCart';
import { simplifiedCart } from './simplify';

const show = showFor(RESOURCE, 'get');

export const description: INodeProperties[] = [
	cartIdField(show),
	{
		displayName:
			'Elastic Path answers a cart ID that does not exist with a new, empty cart: it creates one rather than failing',
		name: 'getNotice',
		type: 'notice',
		default: '',
		displayOptions: show,
	},
	optionsCollection(show, [accountTokenOption, customerTokenOption]),
];

/**
 * One cart, with its customers and accounts (`customerIds`, `accountIds`), in full or
 * simplified; with Include Items (version 2), its items too, read with the cart
 * (`?include=items`), or on their own when a store leaves them out of the answer.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const cartId = await requiredId(this, itemIndex, CART_ID);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const headers = tokenHeaders(this, itemIndex, options);
	const simplify = wantsSimplified(this, itemIndex);
	const mode = includeItemsOf(options);
	if (mode === 'no') {
		const cart = await readCart.call(this, itemIndex, cartId, headers);
		return simplify ? simplifiedCart(cart) : cartOutput(cart);
	}
	const { cart, items } = await readCartWithItems.call(this, itemIndex, cartId, headers);
	const read = items.length === 0 && itemCountOf(cart) > 0 ? await readCartItems.call(this, itemIndex, cart.id, headers) : items;
	return withItems(simplify ? simplifiedCart(cart) : cartOutput(cart), { cartId: cart.id }, read, { mode, simplify });
}

export const identify = identifyCart;
