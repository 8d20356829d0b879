import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { CART_ID, cartIdField, optionsCollection, showFor } from '../shared/fields';
import { requiredId } from '../shared/ids';
import { accountTokenOption, customerTokenOption, tokenHeaders } from '../shared/tokens';
import { isVersion2 } from '../shared/version';
import { identifyCart, RESOURCE } from './common';
import { deleteCart } from './deleteCart';
import { detachEverything } from './detach';

const show = showFor(RESOURCE, 'delete');

export const description: INodeProperties[] = [
	cartIdField(show),
	optionsCollection(show, [
		accountTokenOption,
		customerTokenOption,
		{
			displayName: 'Detach Customers and Accounts First',
			name: 'detachFirst',
			type: 'boolean',
			default: false,
			description:
				'Whether to read the cart, remove each of its customer and account associations, then delete it. Elastic Path refuses to delete a cart that still has a customer ("Last cart"). The output lists what was detached.',
		},
		{
			displayName: 'Treat Not Found as Success',
			name: 'treatNotFoundAsSuccess',
			type: 'boolean',
			default: false,
			description:
				'Whether a 404 answer (cart not found) counts as deleted, with "notFound": true in the output, instead of an error. Elastic Path does not document this case.',
		},
	]),
];

interface DeleteOptions {
	detachFirst?: boolean;
	treatNotFoundAsSuccess?: boolean;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const cartId = await requiredId(this, itemIndex, CART_ID);
	const options = this.getNodeParameter('options', itemIndex, {}) as DeleteOptions & IDataObject;
	const { detachFirst, treatNotFoundAsSuccess } = options;
	const headers = tokenHeaders(this, itemIndex, options);
	// Version 2 says what happened, as n8n's guidelines ask of deleting operations: { deleted: true }.
	const said: IDataObject = isVersion2(this) ? { deleted: true } : {};
	if (detachFirst) {
		const result = await detachEverything.call(this, itemIndex, cartId, headers, treatNotFoundAsSuccess === true);
		return { ...result, ...said };
	}
	const response = await deleteCart.call(this, itemIndex, cartId, headers, treatNotFoundAsSuccess === true);
	return response.statusCode === 404 ? { cartId, success: true, ...said, notFound: true } : { cartId, success: true, ...said };
}

export const identify = identifyCart;
