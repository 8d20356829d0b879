import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { runsAsTool } from '../shared/asTool';
import { CART_ID, cartIdField, optionsCollection, showFor } from '../shared/fields';
import { TOOL_MAX_ITEMS } from '../shared/getMany';
import { requiredId } from '../shared/ids';
import { withOwnFields } from '../shared/ownFields';
import { accountTokenOption, customerTokenOption, tokenHeaders } from '../shared/tokens';
import { simplifyField, wantsSimplified } from '../shared/version';
import { readCartItems } from './cartItems';
import { identifyCart, RESOURCE } from './common';
import { itemOutput } from './includeItems';

const show = showFor(RESOURCE, 'getItems');

/** Version 2 only. */
export const description: INodeProperties[] = [
	cartIdField(show),
	simplifyField(show),
	optionsCollection(show, [accountTokenOption, customerTokenOption]),
];

/** `GET /v2/carts/{cartId}/items`: one output per item of the cart, each with its `cartId` (an empty cart gives none). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const cartId = await requiredId(this, itemIndex, CART_ID);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const items = await readCartItems.call(this, itemIndex, cartId, tokenHeaders(this, itemIndex, options));
	const simplify = wantsSimplified(this, itemIndex);
	const outputs = items.map((item) => withOwnFields({ cartId }, itemOutput(item, simplify)));
	return runsAsTool(this) ? outputs.slice(0, TOOL_MAX_ITEMS) : outputs;
}

export const identify = identifyCart;
