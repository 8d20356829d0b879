import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { cartRelationshipPath } from '../../transport/paths';
import { relationshipBody } from '../../transport/relationships';
import { epccRequest } from '../../transport/request';
import { customerTokenOption, idFields, identifyAssociation, readAssociation, RESOURCE } from './common';

export const description: INodeProperties[] = [
	...idFields('delete'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { resource: [RESOURCE], operation: ['delete'] } },
		options: [
			customerTokenOption,
			{
				displayName: 'Treat Not Found as Success',
				name: 'treatNotFoundAsSuccess',
				type: 'boolean',
				default: false,
				description:
					'Whether a 404 answer (cart, customer or association not found) counts as removed, with "notFound": true in the output, instead of an error. Elastic Path does not document this case; turn it on for cleanups that may meet carts removed meanwhile.',
			},
		],
	},
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { cartId, customerId, headers, options } = readAssociation(this, itemIndex);
	const response = await epccRequest.call(this, itemIndex, {
		method: 'DELETE',
		path: cartRelationshipPath(cartId, 'customers'),
		body: relationshipBody('customer', customerId),
		headers,
		acceptStatuses: options.treatNotFoundAsSuccess ? [404] : [],
	});
	if (response.statusCode === 404) return { cartId, customerId, success: true, notFound: true };
	return { cartId, customerId, success: true };
}

export const identify = identifyAssociation;
