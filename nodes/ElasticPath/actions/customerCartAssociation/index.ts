import type { INodeProperties } from 'n8n-workflow';

import { associationOperationSelector } from '../shared/cartAssociation';
import { CUSTOMER_ASSOCIATION } from './common';
import * as create from './create.operation';
import * as remove from './delete.operation';

export { create, remove as delete };

export const description: INodeProperties[] = [
	associationOperationSelector(CUSTOMER_ASSOCIATION),
	...remove.description,
	...create.description,
];
