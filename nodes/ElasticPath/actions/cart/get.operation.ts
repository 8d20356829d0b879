import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { CART_ID, cartIdField, optionsCollection, showFor } from '../shared/fields';
import { requiredId } from '../shared/ids';
import { accountTokenOption, customerTokenOption, tokenHeaders } from '../shared/tokens';
import { wantsSimplified } from '../shared/version';
import { cartOutput } from './cartResource';
import { identifyCart, RESOURCE } from './common';
import { readCart } from './readCart';
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

/** One cart, with its customers and accounts (`customerIds`, `accountIds`), in full or simplified. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const cartId = await requiredId(this, itemIndex, CART_ID);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const cart = await readCart.call(this, itemIndex, cartId, tokenHeaders(this, itemIndex, options));
	return wantsSimplified(this, itemIndex) ? simplifiedCart(cart) : cartOutput(cart);
}

export const identify = identifyCart;
