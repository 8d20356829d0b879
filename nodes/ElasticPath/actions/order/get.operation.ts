import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { answerError, asRecord, epccRequest } from '../../transport';
import { optionsCollection, showFor } from '../shared/fields';
import { requiredId } from '../shared/ids';
import { orderPath } from '../shared/paths';
import { accountTokenOption, customerTokenOption, tokenHeaders } from '../shared/tokens';
import { simplifyField, wantsSimplified } from '../shared/version';
import { identifyOrder, ORDER_ID, ORDERS_NEED, RESOURCE } from './common';
import { asOrderOutput } from './orderResource';

const show = showFor(RESOURCE, 'get');

/** Version 2 only. */
export const description: INodeProperties[] = [
	{
		displayName: 'Order ID',
		name: ORDER_ID.name,
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. aa854b8f-5930-476d-951a-e9b9cfbdefb1',
		description: 'ID of the order',
		displayOptions: show,
	},
	simplifyField(show),
	optionsCollection(show, [accountTokenOption, customerTokenOption]),
];

const HINTS: Record<number, string> = {
	403: ORDERS_NEED,
	404: 'No order has this ID: check the Order ID.',
};

/** `GET /v2/orders/{orderId}`. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const orderId = await requiredId(this, itemIndex, ORDER_ID);
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const response = await epccRequest.call(this, itemIndex, {
		method: 'GET',
		path: orderPath(orderId),
		headers: tokenHeaders(this, itemIndex, options),
		acceptStatuses: [403, 404],
	});
	if (response.statusCode >= 400) throw answerError(this, itemIndex, response, HINTS[response.statusCode]);
	const order = asRecord(asRecord(response.body)?.data);
	if (typeof order?.id !== 'string') {
		throw new NodeOperationError(this.getNode(), `Elastic Path answered the request for order ${orderId} without the order`, { itemIndex });
	}
	return asOrderOutput(order as IDataObject & { id: string }, wantsSimplified(this, itemIndex));
}

export const identify = identifyOrder;
