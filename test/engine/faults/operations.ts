import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { EpccEmulator } from '../../emulator/EpccEmulator';
import type { Outcome } from './cases';

/** An operation of the node as the fault matrix drives it: three items, the middle one meets the fault. */
export interface MatrixOperation {
	name: string;
	parameters: INodeParameters;
	/** Seeds the store so that every item succeeds when nothing goes wrong; returns the items. */
	seed(emulator: EpccEmulator, secrets: { customerToken: string }): IDataObject[];
	/** Whether a request belongs to the middle item. */
	isMiddle(url: string): boolean;
	/** The output of a successful item. */
	success(item: IDataObject): IDataObject;
	/** Cases whose outcome differs for this operation, by case name, with the reason in a comment. */
	overrides?: Record<string, Outcome>;
}

const associationItems = (emulator: EpccEmulator, empty: boolean) => {
	const items: IDataObject[] = [];
	for (let n = 1; n <= 3; n++) {
		emulator.state.addCart(`cart-${n}`, { customers: empty ? [] : ['cust-1'] });
		items.push({ cartId: `cart-${n}`, customerId: 'cust-1' });
	}
	emulator.state.addCustomer('cust-1');
	return items;
};

const removedBeforeTheAnswerWasLost: Outcome = {
	kind: 'error',
	message: 'Elastic Path answered 403: Customer does not have the required permissions to fulfill this request',
	httpCode: '403',
	description: 'may have been carried out',
};

const associationParameters = (operation: string): INodeParameters => ({
	resource: 'customerCartAssociation',
	operation,
	cartId: '={{ $json.cartId }}',
	customerId: '={{ $json.customerId }}',
	options: {},
	requestSettings: { timeoutMs: 1000, maxAttempts: 3 },
});

export const matrixOperations: MatrixOperation[] = [
	{
		name: 'Customer Cart Association › Remove',
		parameters: associationParameters('delete'),
		seed: (emulator) => associationItems(emulator, false),
		isMiddle: (url) => url.startsWith('/v2/carts/cart-2/'),
		success: (item) => ({ cartId: item.cartId, customerId: item.customerId, success: true }),
		overrides: {
			// The first removal was carried out before the answer was lost; the retry, with a
			// customer token that no longer reaches the cart, is refused. The node says so.
			'a connection reset after the request was handled': removedBeforeTheAnswerWasLost,
			'a body cut off mid-stream, once': removedBeforeTheAnswerWasLost,
		},
	},
	{
		name: 'Customer Cart Association › Add',
		parameters: associationParameters('create'),
		seed: (emulator) => associationItems(emulator, true),
		isMiddle: (url) => url.startsWith('/v2/carts/cart-2/'),
		success: (item) => ({ cartId: item.cartId, customerId: item.customerId, success: true }),
	},
];
