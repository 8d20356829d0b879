import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { cartRelationshipPath } from '../../transport/paths';
import { relationshipBody } from '../../transport/relationships';
import { epccRequest } from '../../transport/request';
import { customerTokenOption, idFields, identifyAssociation, readAssociation, RESOURCE } from './common';

export const description: INodeProperties[] = [
	...idFields('create'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { resource: [RESOURCE], operation: ['create'] } },
		options: [customerTokenOption],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { cartId, customerId, headers } = readAssociation(this, itemIndex);
	// 200 (with the association, an empty body or null) and 204 (already associated) all mean success.
	await epccRequest.call(this, itemIndex, {
		method: 'POST',
		path: cartRelationshipPath(cartId, 'customers'),
		body: relationshipBody('customer', customerId),
		headers,
		// Adding a customer that is already on the cart answers 204 and changes nothing, so
		// sending the add twice (after a reset or a timeout that hid the first answer) is harmless.
		idempotent: true,
	});
	return { cartId, customerId, success: true };
}

export const identify = identifyAssociation;
