import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idForReport, requiredId } from '../../helpers/ids';
import { CUSTOMER_TOKEN_HEADER } from '../../transport/authenticate';

export const RESOURCE = 'customerCartAssociation';

const CART_ID = { name: 'cartId', label: 'Cart ID', inPath: true };
const CUSTOMER_ID = { name: 'customerId', label: 'Customer ID' };

export function idFields(operation: string): INodeProperties[] {
	const displayOptions = { show: { resource: [RESOURCE], operation: [operation] } };
	return [
		{
			displayName: 'Cart ID',
			name: 'cartId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 5a3b2f0c-…',
			description: 'ID of the cart. Map it from the input item with an expression, e.g. {{ $JSON.cartId }}.',
			displayOptions,
		},
		{
			displayName: 'Customer ID',
			name: 'customerId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. b3f2b6de-8fd4-4cdf-a9d9-c5f7cecccdfe',
			description: 'ID of the customer',
			displayOptions,
		},
	];
}

export const customerTokenOption: INodeProperties = {
	displayName: 'Customer Token',
	name: 'customerToken',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	description:
		"Sent as X-Moltin-Customer-Token for this item instead of the credential's customer token. A customer token only reaches its own customer's carts.",
};

export interface AssociationOptions {
	customerToken?: string;
	treatNotFoundAsSuccess?: boolean;
}

export interface AssociationItem {
	cartId: string;
	customerId: string;
	headers: Record<string, string>;
	options: AssociationOptions;
}

/** The validated IDs and headers of one item. */
export function readAssociation(context: IExecuteFunctions, itemIndex: number): AssociationItem {
	const cartId = requiredId(context, itemIndex, CART_ID);
	const customerId = requiredId(context, itemIndex, CUSTOMER_ID);
	const options = context.getNodeParameter('options', itemIndex, {}) as AssociationOptions;
	const customerToken = typeof options.customerToken === 'string' ? options.customerToken.trim() : '';
	return { cartId, customerId, headers: customerToken ? { [CUSTOMER_TOKEN_HEADER]: customerToken } : {}, options };
}

export function identifyAssociation(this: IExecuteFunctions, itemIndex: number): IDataObject {
	return {
		cartId: idForReport(this, itemIndex, 'cartId'),
		customerId: idForReport(this, itemIndex, 'customerId'),
	};
}
