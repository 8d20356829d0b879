import type { Answer } from './jsonapi';
import { documented, errorAnswer } from './jsonapi';
import type { Acting, ApiRequest } from './requests';
import { actingAs, header, isAnswer } from './requests';
import type { AccessToken, Cart, StoreState } from './state';

/** `page[limit]`: 1 to 100, 20 by default; `page[offset]`: 0 to 10,000 (the "soft limit"), per the OpenAPI description. */
export const MAX_PAGE_LIMIT = 100;
export const DEFAULT_PAGE_LIMIT = 20;
export const MAX_PAGE_OFFSET = 10_000;

export interface CartListSettings {
	/**
	 * What a `page[offset]` past 10,000 gets. `refuse` (default): 400, as the OpenAPI maximum
	 * says; `allow`: the page, as if the limit were not enforced; `repeat`: the page at 10,000.
	 */
	beyondMaxOffset: 'refuse' | 'allow' | 'repeat';
}

const money = (amount: number) => ({ amount, currency: 'USD', formatted: `$${(amount / 100).toFixed(2)}` });

function relationship(type: string, ids: Set<string>) {
	// An empty relationship is `{}` (the schema allows it), a non-empty one a `data` list.
	return ids.size ? { data: [...ids].map((id) => ({ type, id })) } : {};
}

/** `CartResponse`. */
export function cartResource(cart: Cart, baseUrl: string) {
	return {
		type: 'cart',
		id: cart.id,
		name: cart.name,
		description: '',
		discount_settings: { custom_discounts_enabled: false, use_rule_promotions: false },
		links: { self: `${baseUrl}/v2/carts/${encodeURIComponent(cart.id)}` },
		meta: {
			display_price: { with_tax: money(0), without_tax: money(0), tax: money(0), discount: money(0) },
			timestamps: {
				created_at: new Date(cart.createdAt).toISOString(),
				updated_at: new Date(cart.updatedAt).toISOString(),
				expires_at: new Date(cart.expiresAt).toISOString(),
			},
		},
		relationships: {
			customers: relationship('customer', cart.customers),
			accounts: relationship('account', cart.accounts),
			items: { data: null },
		},
	};
}

function baseUrlOf(request: ApiRequest): string {
	return `http://${header(request, 'host') ?? '127.0.0.1'}`;
}

function reaches(acting: Acting, cart: Cart): boolean {
	if (acting.kind === 'customer') return cart.customers.has(acting.id);
	if (acting.kind === 'account') return cart.accounts.has(acting.id);
	return true;
}

/** A cart with no customer or account is anyone's who knows its ID; an associated one, its customers' and accounts'. */
function mayUse(acting: Acting, cart: Cart): boolean {
	return (cart.customers.size === 0 && cart.accounts.size === 0) || reaches(acting, cart);
}

function refused(acting: Acting): Answer {
	return documented.noPermission(acting.kind === 'account' ? 'Account' : 'Customer');
}

function integerParameter(query: URLSearchParams, name: string, fallback: number): number | undefined {
	const raw = query.get(name);
	if (raw === null) return fallback;
	const value = Number(raw);
	return raw.trim() !== '' && Number.isInteger(value) ? value : undefined;
}

/** GET `/v2/carts`: newest `updated_at` first, paged, with `links` and `meta.page` / `meta.results`. */
export function listCarts(state: StoreState, settings: CartListSettings, request: ApiRequest, access: AccessToken): Answer {
	const query = new URLSearchParams(request.query);
	const limit = integerParameter(query, 'page[limit]', DEFAULT_PAGE_LIMIT);
	let offset = integerParameter(query, 'page[offset]', 0);
	if (limit === undefined || limit < 1 || limit > MAX_PAGE_LIMIT) {
		return errorAnswer(400, 'Bad Request', `page[limit] must be an integer from 1 to ${MAX_PAGE_LIMIT}`);
	}
	if (offset === undefined || offset < 0) return errorAnswer(400, 'Bad Request', 'page[offset] must be a positive integer');
	if (offset > MAX_PAGE_OFFSET) {
		if (settings.beyondMaxOffset === 'refuse') {
			return errorAnswer(400, 'Bad Request', `page[offset] must be less than or equal to ${MAX_PAGE_OFFSET}`);
		}
		if (settings.beyondMaxOffset === 'repeat') offset = MAX_PAGE_OFFSET;
	}

	const acting = actingAs(state, request, access, ['customer', 'account']);
	if (isAnswer(acting)) return acting;
	const visible = [...state.carts.values()]
		.filter((cart) =>
			acting.kind === 'admin'
				? state.cartSettings.showAllCarts || cart.customers.size > 0 || cart.accounts.size > 0
				: reaches(acting, cart),
		)
		.sort((a, b) => b.updatedAt - a.updatedAt);
	const total = visible.length;
	const baseUrl = baseUrlOf(request);
	const link = (at: number) => `${baseUrl}/v2/carts?page%5Blimit%5D=${limit}&page%5Boffset%5D=${at}`;
	const lastOffset = Math.max(0, Math.floor((total - 1) / limit) * limit);
	return {
		status: 200,
		body: {
			data: visible.slice(offset, offset + limit).map((cart) => cartResource(cart, baseUrl)),
			links: {
				current: link(offset),
				first: link(0),
				prev: offset > 0 ? link(Math.max(0, offset - limit)) : null,
				next: offset + limit < total ? link(offset + limit) : null,
				last: total > limit ? link(lastOffset) : null,
			},
			meta: {
				page: { limit, offset, current: Math.floor(offset / limit) + 1, total: Math.ceil(total / limit) },
				results: { total },
			},
		},
	};
}

/** GET `/v2/carts/{cartId}`: as documented, an ID that does not exist gets a new, empty cart. */
export function getCart(state: StoreState, request: ApiRequest, access: AccessToken, cartId: string): Answer {
	const acting = actingAs(state, request, access, ['customer', 'account']);
	if (isAnswer(acting)) return acting;
	const cart = state.carts.get(cartId) ?? state.addCart(cartId);
	if (!mayUse(acting, cart)) return refused(acting);
	return { status: 200, body: { data: cartResource(cart, baseUrlOf(request)) } };
}

/** DELETE `/v2/carts/{cartId}`: refused ("Last cart") while a customer is still associated. */
export function deleteCart(state: StoreState, request: ApiRequest, access: AccessToken, cartId: string): Answer {
	const acting = actingAs(state, request, access, ['customer', 'account']);
	if (isAnswer(acting)) return acting;
	const cart = state.carts.get(cartId);
	if (!cart) return documented.notFound('Cart');
	if (!mayUse(acting, cart)) return refused(acting);
	if (cart.customers.size > 0) return documented.lastCart();
	state.carts.delete(cartId);
	return { status: 204 };
}
