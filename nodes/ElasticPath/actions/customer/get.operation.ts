import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { answerError, asRecord, epccRequest } from '../../transport';
import { showFor } from '../shared/fields';
import { requiredId } from '../shared/ids';
import { customerPath } from '../shared/paths';
import { simplifyField, wantsSimplified } from '../shared/version';
import { CUSTOMER_ID, CUSTOMERS_NEED, identifyCustomer, RESOURCE } from './common';
import { asCustomerOutput } from './customerResource';

const show = showFor(RESOURCE, 'get');

/** Version 2 only: the Customer ID becomes the customer locator (From List, By ID, By Email). */
export const description: INodeProperties[] = [
	{
		displayName: 'Customer ID',
		name: CUSTOMER_ID.name,
		type: 'string',
		required: true,
		default: '',
		description: 'ID of the customer',
		displayOptions: show,
	},
	simplifyField(show),
];

/** `GET /v2/customers/{customerId}` (a customer given by email is looked up first). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const customerId = await requiredId(this, itemIndex, CUSTOMER_ID);
	const response = await epccRequest.call(this, itemIndex, { method: 'GET', path: customerPath(customerId), acceptStatuses: [403, 404] });
	if (response.statusCode === 403) throw answerError(this, itemIndex, response, CUSTOMERS_NEED);
	if (response.statusCode === 404) throw answerError(this, itemIndex, response, `Elastic Path has no customer ${customerId}: check the Customer ID.`);
	const customer = asRecord(asRecord(response.body)?.data);
	if (typeof customer?.id !== 'string') {
		throw new NodeOperationError(this.getNode(), `Elastic Path answered the request for customer ${customerId} without the customer`, { itemIndex });
	}
	return asCustomerOutput(customer as IDataObject & { id: string }, wantsSimplified(this, itemIndex));
}

export const identify = identifyCustomer;
