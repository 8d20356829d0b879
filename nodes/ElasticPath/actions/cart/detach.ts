import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { epccRequest } from '../../transport';
import type { NodeError } from '../runItems';
import { toNodeError } from '../runItems';
import { cartRelationshipPath } from '../shared/paths';
import { relationshipBody } from '../shared/relationships';
import { relatedIds } from './cartResource';
import { deleteCart } from './deleteCart';
import { readCart } from './readCart';

interface Detached {
	customers: string[];
	accounts: string[];
}

function listed(ids: string[], one: string, many: string): string {
	return ids.length === 0 ? `no ${one}` : `${ids.length === 1 ? one : many} ${ids.join(', ')}`;
}

/** The error of a failed step, saying which step it was and what had been done before it. */
function failedStep(error: NodeError, step: string, detached: Detached) {
	error.message = `${step} failed: ${error.message}`;
	const done =
		detached.customers.length + detached.accounts.length === 0
			? 'Nothing had been detached'
			: `Before it, the node detached ${listed(detached.customers, 'customer', 'customers')} and ${listed(detached.accounts, 'account', 'accounts')}`;
	error.description = [
		`${done}; the cart was not deleted. Running the item again finishes the job: the associations are read afresh.`,
		error.description,
	]
		.filter(Boolean)
		.join(' ');
	return error;
}

/**
 * "Detach Customers and Accounts First": reads the cart, removes each customer and account
 * association one request at a time, then deletes the cart. Each step waits for the one before.
 */
export async function detachEverything(
	this: IExecuteFunctions,
	itemIndex: number,
	cartId: string,
	headers: Record<string, string>,
	treatNotFoundAsSuccess: boolean,
): Promise<IDataObject> {
	const detached: Detached = { customers: [], accounts: [] };
	const associations = [
		{ relationship: 'customers', type: 'customer', done: detached.customers },
		{ relationship: 'accounts', type: 'account', done: detached.accounts },
	] as const;
	let step = `Reading cart ${cartId}`;
	try {
		const cart = await readCart.call(this, itemIndex, cartId, headers);
		for (const { relationship, type, done } of associations) {
			for (const id of relatedIds(cart, relationship)) {
				step = `Detaching ${type} ${id} from cart ${cartId}`;
				await epccRequest.call(this, itemIndex, {
					method: 'DELETE',
					path: cartRelationshipPath(cartId, relationship),
					body: relationshipBody(type, id),
					headers,
				});
				done.push(id);
			}
		}
		step = `Deleting cart ${cartId}`;
		const response = await deleteCart.call(this, itemIndex, cartId, headers, treatNotFoundAsSuccess);
		const result: IDataObject = { cartId, success: true, detachedCustomers: detached.customers, detachedAccounts: detached.accounts };
		if (response.statusCode === 404) result.notFound = true;
		return result;
	} catch (error) {
		throw failedStep(toNodeError(this, error, itemIndex), step, detached);
	}
}
