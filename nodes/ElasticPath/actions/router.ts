import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as accountCartAssociation from './accountCartAssociation';
import * as cart from './cart';
import * as customer from './customer';
import * as customerCartAssociation from './customerCartAssociation';
import * as order from './order';
import type { ItemOperation } from './runItems';
import { runItems } from './runItems';
import type { AssociationOperationName } from './shared/cartAssociation';

/** Each resource the node offers, with the operations its selector offers (Customer, Order and Cart › Get Items in version 2 only). */
interface Offered {
	cart: cart.Operation;
	customerCartAssociation: AssociationOperationName;
	accountCartAssociation: AssociationOperationName;
	customer: customer.Operation;
	order: order.Operation;
}

export type Resource = keyof Offered;

// `satisfies`: an operation offered but not routed here (or routed but not offered) fails the build.
const resources = {
	cart: {
		getAll: cart.getAll,
		get: cart.get,
		getItems: cart.getItems,
		delete: cart.delete,
	},
	customer: {
		get: customer.get,
		getAll: customer.getAll,
	},
	order: {
		get: order.get,
		getAll: order.getAll,
	},
	customerCartAssociation: {
		create: customerCartAssociation.create,
		delete: customerCartAssociation.delete,
	},
	accountCartAssociation: {
		create: accountCartAssociation.create,
		delete: accountCartAssociation.delete,
	},
} satisfies { [R in Resource]: Record<Offered[R], ItemOperation> };

const routes: Record<string, Record<string, ItemOperation> | undefined> = resources;

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const selected = routes[resource]?.[operation];
	if (!selected) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	return [await runItems.call(this, selected)];
}
