import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../shared/fields';
import { RESOURCE } from './common';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { get, getAll };

export type Operation = 'get' | 'getAll';

/** Resource Order (version 2 only): read orders, e.g. whether a customer ordered since their cart was left. */
export const description: INodeProperties[] = [
	operationSelector<Operation>(
		RESOURCE,
		[
			{ name: 'Get', value: 'get', description: 'Get an order', action: 'Get an order' },
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List orders, newest first, filtered by customer, account, payment, status and date',
				action: 'Get many orders',
			},
		],
		'getAll',
	),
	...getAll.description,
	...get.description,
];
