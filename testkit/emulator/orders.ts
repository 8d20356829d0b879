import type { CartListSettings } from './carts';
import { displayPrice, money } from './carts';
import { applyFilter } from './filters';
import type { Answer } from './jsonapi';
import { documented, errorAnswer } from './jsonapi';
import { pagedAnswer } from './listing';
import type { Acting, ApiRequest } from './requests';
import { actingAs, isAnswer } from './requests';
import type { AccessToken, Order, StoreState } from './state';

const iso = (ms: number) => new Date(ms).toISOString();

const orderTotal = (order: Order) => order.items.reduce((sum, item) => sum + item.unitPrice * item.quantity, 0);

const single = (type: string, id: string | undefined) => (id ? { data: { type, id } } : { data: null });

/** `OrderResponse`. */
export function orderResource(order: Order) {
	return {
		type: 'order',
		id: order.id,
		status: order.status,
		payment: order.payment,
		shipping: order.shipping,
		anonymized: false,
		customer: { name: order.customer.name, email: order.customer.email, ...(order.customerId ? { id: order.customerId } : {}) },
		contact: { name: order.customer.name, email: order.customer.email },
		billing_address: {},
		shipping_address: {},
		links: {},
		meta: {
			display_price: { ...displayPrice(orderTotal(order)), balance_owing: money(order.payment === 'paid' ? 0 : orderTotal(order)) },
			timestamps: {
				created_at: iso(order.createdAt),
				updated_at: iso(order.updatedAt),
				...(order.payment === 'paid' ? { fully_paid_at: iso(order.updatedAt) } : {}),
			},
		},
		relationships: {
			items: { data: order.items.map((_item, n) => ({ type: 'item', id: `${order.id}-item-${n + 1}` })) },
			customer: single('customer', order.customerId),
			account: single('account', order.accountId),
		},
	};
}

/** What `filter=` may name on orders, as the order listing's documentation lists them (a subset). */
const ORDER_FILTERS = {
	status: 'text',
	payment: 'text',
	shipping: 'text',
	name: 'text',
	email: 'text',
	customer_id: 'text',
	account_id: 'text',
	created_at: 'date',
	updated_at: 'date',
} as const;

function filterable(order: Order) {
	return {
		order,
		status: order.status,
		payment: order.payment,
		shipping: order.shipping,
		name: order.customer.name,
		email: order.customer.email,
		customer_id: order.customerId,
		account_id: order.accountId,
		created_at: order.createdAt,
		updated_at: order.updatedAt,
	};
}

/** A customer token reaches its customer's orders, an account token its account's; the administrator all. */
function reaches(acting: Acting, order: Order): boolean {
	if (acting.kind === 'customer') return order.customerId === acting.id;
	if (acting.kind === 'account') return order.accountId === acting.id;
	return true;
}

/**
 * GET `/v2/orders`: newest first, paged, with the 10,000 offset limit of the cart listing;
 * `filter=` with `eq` / `like` on the text fields and `eq` / `gt` / `ge` / `lt` / `le` on
 * `created_at` and `updated_at` (`YYYY-MM-DD`). Customer and account tokens see their own orders.
 */
export function listOrders(state: StoreState, settings: CartListSettings, request: ApiRequest, access: AccessToken): Answer {
	const acting = actingAs(state, request, access, ['customer', 'account']);
	if (isAnswer(acting)) return acting;
	const visible = [...state.orders.values()].filter((order) => reaches(acting, order)).map(filterable);
	const kept = applyFilter(new URLSearchParams(request.query).get('filter'), visible, ORDER_FILTERS);
	if (isAnswer(kept)) return kept;
	const newestFirst = kept.map((entry) => entry.order).sort((a, b) => b.createdAt - a.createdAt);
	return pagedAnswer(request, newestFirst, orderResource, settings.beyondMaxOffset);
}

/** As documented: `{"errors":[{"detail":"Order not found","status":"404","title":"Not Found"}]}`, its status a string. */
const orderNotFound = () => errorAnswer(404, 'Not Found', 'Order not found', { status: '404' });

/** GET `/v2/orders/{orderId}`: 404 when there is none; another customer's or account's order is refused. */
export function getOrder(state: StoreState, request: ApiRequest, access: AccessToken, orderId: string): Answer {
	const acting = actingAs(state, request, access, ['customer', 'account']);
	if (isAnswer(acting)) return acting;
	const order = state.orders.get(orderId);
	if (!order) return orderNotFound();
	if (!reaches(acting, order)) return documented.noPermission(acting.kind === 'account' ? 'Account' : 'Customer');
	return { status: 200, body: { data: orderResource(order) } };
}
