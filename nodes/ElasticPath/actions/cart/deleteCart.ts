import type { IExecuteFunctions } from 'n8n-workflow';

import type { EpccResponse } from '../../transport';
import { answerError, epccRequest, summarizeErrorBody } from '../../transport';
import { cartPath } from '../shared/paths';

const LAST_CART_HINT =
	'The cart still has a customer, and Elastic Path only deletes carts without one: turn on the option "Detach Customers and Accounts First", or remove its customers first (Customer Cart Association › Remove Customer From Cart).';

/** `DELETE /v2/carts/{cartId}`; a 400 is explained ("Last cart": the cart still has a customer). */
export async function deleteCart(
	this: IExecuteFunctions,
	itemIndex: number,
	cartId: string,
	headers: Record<string, string>,
	treatNotFoundAsSuccess: boolean,
): Promise<EpccResponse> {
	const response = await epccRequest.call(this, itemIndex, {
		method: 'DELETE',
		path: cartPath(cartId),
		headers,
		acceptStatuses: treatNotFoundAsSuccess ? [400, 404] : [400],
	});
	if (response.statusCode !== 400) return response;
	const { title, detail } = summarizeErrorBody(response.body);
	const lastCart = /last cart|disassociat/i.test(`${title ?? ''} ${detail ?? ''}`);
	const hint = lastCart ? LAST_CART_HINT : 'Elastic Path refused to delete the cart: check the cart ID.';
	throw answerError(this, itemIndex, response, hint);
}
