import type { INodeProperties } from 'n8n-workflow';

import type { SelectorOf } from '../shared/fields';
import { RESOURCE } from './common';
import * as remove from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { get, getAll, remove as delete };

/** The operations the resource offers, by their option's value. */
export type Operation = 'delete' | 'get' | 'getAll';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [RESOURCE] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a cart, optionally detaching its customers and accounts first',
				action: 'Delete a cart',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a cart with its customers and accounts',
				action: 'Get a cart',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List carts, filtered by date and customer',
				action: 'Get many carts',
			},
		],
		default: 'getAll',
	} satisfies SelectorOf<Operation>,
	...getAll.description,
	...get.description,
	...remove.description,
];
