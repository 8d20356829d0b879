import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { EpccEmulator, ReceivedRequest } from '../../../testkit/emulator/EpccEmulator';
import type { Outcome } from './cases';

/** The tokens planted in the credential (and, for Get Many, in the items), searched for afterwards. */
export interface Planted {
	customerToken: string;
	accountToken: string;
	/** Tokens an operation adds itself. */
	more: string[];
}

/** An operation of the node as the fault matrix drives it: three items, the middle one meets the fault. */
export interface MatrixOperation {
	name: string;
	parameters: INodeParameters;
	/** Seeds the store so that every item succeeds when nothing goes wrong; returns the items. */
	seed(emulator: EpccEmulator, planted: Planted): IDataObject[];
	/** Whether a request belongs to the middle item (of `items`). */
	isMiddle(request: ReceivedRequest, items: IDataObject[]): boolean;
	/** The output of a successful item (a value or an asymmetric matcher). */
	success(item: IDataObject): unknown;
	/** Cases whose outcome differs for this operation, by case name, with the reason in a comment. */
	overrides?: Record<string, Outcome>;
	/** The node version the operation is run with (1 unless it exists in version 2 only). */
	typeVersion?: number;
	/** Whether the credential carries the planted customer and account tokens ("x-1"); otherwise it acts as the administrator. */
	actsAsX1?: boolean;
}

const SETTINGS = { timeoutMs: 1000, maxAttempts: 3 };

const middleCart = (path: string) => (request: ReceivedRequest) => request.url.startsWith(path);

/** The work was done before the answer was lost; the retry is refused (the token no longer reaches the cart, or it is gone). */
const doneBeforeTheAnswerWasLost = (message: string, httpCode: string): Outcome => ({
	kind: 'error',
	message,
	httpCode,
	description: 'may have been carried out',
});

function association(kind: 'customer' | 'account', operation: 'create' | 'delete'): MatrixOperation {
	const related = `${kind}Id`;
	const relationship = `${kind}s`;
	const who = kind === 'customer' ? 'Customer' : 'Account';
	const refusedRetry = doneBeforeTheAnswerWasLost(
		`Elastic Path answered 403: ${who} does not have the required permissions to fulfill this request`,
		'403',
	);
	return {
		name: `${who} Cart Association › ${operation === 'delete' ? 'Remove' : 'Add'}`,
		parameters: {
			resource: `${kind}CartAssociation`,
			operation,
			cartId: '={{ $json.cartId }}',
			[related]: `={{ $json.${related} }}`,
			options: {},
			requestSettings: SETTINGS,
		},
		seed(emulator) {
			// The planted token acts for customer / account "x-1", which is on every cart to remove
			// from, and on none of the carts to add to.
			if (kind === 'customer') emulator.state.addCustomer('x-1');
			else emulator.state.addAccount('x-1');
			return [1, 2, 3].map((n) => {
				const cart = emulator.state.addCart(`cart-${n}`);
				if (operation === 'delete') (kind === 'customer' ? cart.customers : cart.accounts).add('x-1');
				return { cartId: `cart-${n}`, [related]: 'x-1' };
			});
		},
		isMiddle: middleCart(`/v2/carts/cart-2/relationships/${relationship}`),
		success: (item) => ({ cartId: item.cartId, [related]: item[related], success: true }),
		actsAsX1: true,
		// Removing: the first attempt was carried out before its answer was lost; the token no
		// longer reaches the cart, so the retry is refused. The node says the change may be done.
		// Adding twice is harmless: the retry answers 204.
		overrides:
			operation === 'delete'
				? {
						'a connection reset after the request was handled': refusedRetry,
						'a body cut off mid-stream, once': refusedRetry,
					}
				: undefined,
	};
}

const cartGet: MatrixOperation = {
	name: 'Cart › Get',
	parameters: { resource: 'cart', operation: 'get', cartId: '={{ $json.cartId }}', options: {}, requestSettings: SETTINGS },
	seed: (emulator) => [1, 2, 3].map((n) => (emulator.state.addCart(`cart-${n}`), { cartId: `cart-${n}` })),
	isMiddle: (request) => request.url === '/v2/carts/cart-2',
	success: (item) => expect.objectContaining({ cartId: item.cartId, id: item.cartId, customerIds: [], accountIds: [] }),
};

const cartDelete: MatrixOperation = {
	name: 'Cart › Delete',
	parameters: { resource: 'cart', operation: 'delete', cartId: '={{ $json.cartId }}', options: {}, requestSettings: SETTINGS },
	seed: (emulator) => [1, 2, 3].map((n) => (emulator.state.addCart(`cart-${n}`), { cartId: `cart-${n}` })),
	isMiddle: (request) => request.url === '/v2/carts/cart-2',
	success: (item) => ({ cartId: item.cartId, success: true }),
	// The cart was deleted before the answer was lost: the retry finds no cart. The node says
	// the change may be done (with "Treat Not Found as Success" it would count as deleted).
	overrides: {
		'a connection reset after the request was handled': doneBeforeTheAnswerWasLost('Elastic Path answered 404: Not Found: Cart not found', '404'),
		'a body cut off mid-stream, once': doneBeforeTheAnswerWasLost('Elastic Path answered 404: Not Found: Cart not found', '404'),
	},
};

/** Get Many per customer: each item lists its own customer's one cart with its own customer token. */
const cartGetMany: MatrixOperation = {
	name: 'Cart › Get Many',
	parameters: {
		resource: 'cart',
		operation: 'getAll',
		returnAll: true,
		filters: {},
		options: { customerToken: '={{ $json.token }}' },
		requestSettings: SETTINGS,
	},
	seed(emulator, planted) {
		return [1, 2, 3].map((n) => {
			emulator.state.addCart(`cart-${n}`, { customers: [`cust-${n}`] });
			const token = emulator.state.issueCustomerToken(`cust-${n}`);
			planted.more.push(token);
			return { token, cartId: `cart-${n}` };
		});
	},
	isMiddle: (request, items) => request.path === '/v2/carts' && request.headers['x-moltin-customer-token'] === items[1].token,
	success: (item) => expect.objectContaining({ cartId: item.cartId, customerIds: [`cust-${String(item.cartId).slice(5)}`] }),
};

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** The `filter=` a listing request carries, decoded. */
const filterOf = (request: ReceivedRequest) => new URLSearchParams(request.query).get('filter') ?? '';

const cartGetItems: MatrixOperation = {
	name: 'Cart › Get Items',
	typeVersion: 2,
	parameters: { resource: 'cart', operation: 'getItems', cartId: byId('={{ $json.cartId }}'), options: {}, requestSettings: SETTINGS },
	seed: (emulator) =>
		[1, 2, 3].map((n) => {
			emulator.state.addCart(`cart-${n}`, { items: [{ name: `Thing ${n}`, sku: `sku-${n}`, quantity: n, unitPrice: 100 }] });
			return { cartId: `cart-${n}` };
		}),
	isMiddle: (request) => request.url === '/v2/carts/cart-2/items',
	success: (item) => expect.objectContaining({ cartId: item.cartId, sku: `sku-${String(item.cartId).slice(5)}` }),
};

const customerGet: MatrixOperation = {
	name: 'Customer › Get',
	typeVersion: 2,
	parameters: { resource: 'customer', operation: 'get', customerId: byId('={{ $json.customerId }}'), requestSettings: SETTINGS },
	seed: (emulator) =>
		[1, 2, 3].map((n) => {
			emulator.state.addCustomer(`cust-${n}`, { name: `Customer ${n}`, email: `cust-${n}@example.com` });
			return { customerId: `cust-${n}` };
		}),
	isMiddle: (request) => request.url === '/v2/customers/cust-2',
	success: (item) => expect.objectContaining({ customerId: item.customerId, email: `${String(item.customerId)}@example.com` }),
};

/** Get Many per email: each item lists its own customer. */
const customerGetMany: MatrixOperation = {
	name: 'Customer › Get Many',
	typeVersion: 2,
	parameters: { resource: 'customer', operation: 'getAll', returnAll: true, filters: { email: '={{ $json.email }}' }, options: {}, requestSettings: SETTINGS },
	seed: (emulator) =>
		[1, 2, 3].map((n) => {
			emulator.state.addCustomer(`cust-${n}`, { name: `Customer ${n}`, email: `cust-${n}@example.com` });
			return { email: `cust-${n}@example.com` };
		}),
	isMiddle: (request, items) => request.path === '/v2/customers' && filterOf(request) === `eq(email,${String(items[1].email)})`,
	success: (item) => expect.objectContaining({ email: item.email }),
};

const orderGet: MatrixOperation = {
	name: 'Order › Get',
	typeVersion: 2,
	parameters: { resource: 'order', operation: 'get', orderId: '={{ $json.orderId }}', options: {}, requestSettings: SETTINGS },
	seed: (emulator) => [1, 2, 3].map((n) => (emulator.state.addOrder(`order-${n}`, { customerId: `cust-${n}` }), { orderId: `order-${n}` })),
	isMiddle: (request) => request.url === '/v2/orders/order-2',
	success: (item) => expect.objectContaining({ orderId: item.orderId, customerId: `cust-${String(item.orderId).slice(6)}` }),
};

/** Get Many per customer: each item lists its own customer's one order. */
const orderGetMany: MatrixOperation = {
	name: 'Order › Get Many',
	typeVersion: 2,
	parameters: {
		resource: 'order',
		operation: 'getAll',
		returnAll: true,
		filters: { customerId: byId('={{ $json.customerId }}') },
		options: {},
		requestSettings: SETTINGS,
	},
	seed: (emulator) => [1, 2, 3].map((n) => (emulator.state.addOrder(`order-${n}`, { customerId: `cust-${n}` }), { customerId: `cust-${n}` })),
	isMiddle: (request, items) => request.path === '/v2/orders' && filterOf(request) === `eq(customer_id,${String(items[1].customerId)})`,
	success: (item) => expect.objectContaining({ orderId: `order-${String(item.customerId).slice(5)}`, customerId: item.customerId }),
};

export const matrixOperations: MatrixOperation[] = [
	association('customer', 'delete'),
	association('customer', 'create'),
	association('account', 'delete'),
	association('account', 'create'),
	cartGet,
	cartDelete,
	cartGetMany,
	cartGetItems,
	customerGet,
	customerGetMany,
	orderGet,
	orderGetMany,
];
