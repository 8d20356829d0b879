import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { operationSelector } from '../shared/fields';
import { RESOURCE } from './common';
import * as remove from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getItems from './getItems.operation';

export { get, getAll, getItems, remove as delete };

/** The operations the resource offers, by their option's value (Get Items in version 2 only). */
export type Operation = 'delete' | 'get' | 'getAll' | 'getItems';

/** Version 2's Get Items, added to the operation selector. */
export const GET_ITEMS_OPERATION: INodePropertyOptions & { value: Operation } = {
	name: 'Get Items',
	value: 'getItems',
	description: "Get a cart's items: name, SKU, quantity and prices",
	action: "Get a cart's items",
};

export const description: INodeProperties[] = [
	operationSelector<Operation>(
		RESOURCE,
		[
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
		'getAll',
	),
	...getAll.description,
	...get.description,
	...remove.description,
];
