import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as remove from './delete.operation';
import { RESOURCE } from './common';

export { create, remove as delete };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [RESOURCE] } },
		options: [
			{
				name: 'Add Customer To Cart',
				value: 'create',
				description: 'Associate a customer with a cart',
				action: 'Add a customer to a cart',
			},
			{
				name: 'Remove Customer From Cart',
				value: 'delete',
				description: "Remove a customer's association with a cart",
				action: 'Remove a customer from a cart',
			},
		],
		default: 'delete',
	},
	...remove.description,
	...create.description,
];
