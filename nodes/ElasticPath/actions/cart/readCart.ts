import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { epccRequest } from '../../transport';
import { cartPath } from '../shared/paths';
import type { EpccCart } from './cartResource';
import { asCart } from './cartResource';

/** `GET /v2/carts/{cartId}` (`CartEntityResponse`): the cart in `data`. */
export async function readCart(
	this: IExecuteFunctions,
	itemIndex: number,
	cartId: string,
	headers: Record<string, string>,
): Promise<EpccCart> {
	const response = await epccRequest.call(this, itemIndex, { method: 'GET', path: cartPath(cartId), headers });
	const cart = asCart((response.body as IDataObject | undefined)?.data);
	if (!cart) {
		throw new NodeOperationError(this.getNode(), `Elastic Path answered the request for cart ${cartId} without the cart`, {
			itemIndex,
		});
	}
	return cart;
}
