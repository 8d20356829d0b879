import type { INodeProperties } from 'n8n-workflow';

import { operationSelector } from '../shared/fields';
import { RESOURCE } from './common';
import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { get, getAll };

export type Operation = 'get' | 'getAll';

/** Resource Customer (version 2 only): read customers, e.g. to address a reminder. */
export const description: INodeProperties[] = [
	operationSelector<Operation>(
		RESOURCE,
		[
			{ name: 'Get', value: 'get', description: 'Get a customer by ID or email', action: 'Get a customer' },
			{ name: 'Get Many', value: 'getAll', description: 'List customers, filtered by email or name', action: 'Get many customers' },
		],
		'get',
	),
	...get.description,
	...getAll.description,
];
