import type { Answer } from './jsonapi';
import { documented } from './jsonapi';
import type { BeyondMaxOffset } from './listing';
import { pagedAnswer } from './listing';
import type { Acting, ApiRequest } from './requests';
import { actingAs, header, isAnswer } from './requests';
import type { AccessToken, Cart, CartItem, StoreState } from './state';

export interface CartListSettings {
	/** What a `page[offset]` past 10,000 gets from the cart and order listings (see `BeyondMaxOffset`). */
	beyondMaxOffset: BeyondMaxOffset;
}

/** An amount in minor units as Elastic Path displays it (`FormattedPriceData`). */
export const money = (amount: number) => ({ amount, currency: 'USD', formatted: `$${(amount / 100).toFixed(2)}` });

/** A price as a cart item carries it (`ItemPriceData`): tax included, as the emulator charges none on top. */
const price = (amount: number) => ({ amount, currency: 'USD', includes_tax: true });

/** `meta.display_price` of a cart or order worth `amount` (no tax, no discount). */
export function displayPrice(amount: number) {
	return { with_tax: money(amount), without_tax: money(amount), tax: money(0), discount: money(0) };
}

export function cartTotal(cart: Cart): number {
	return cart.items.reduce((sum, item) => sum + item.unitPrice * item.quantity, 0);
}

function relationship(type: string, ids: Set<string>) {
	// An empty relationship is `{}` (the schema allows it), a non-empty one a `data` list.
	return ids.size ? { data: [...ids].map((id) => ({ type, id })) } : {};
}

/** `CartItemResponse`. */
export function cartItemResource(item: CartItem, cart: Cart, baseUrl: string) {
	const value = item.unitPrice * item.quantity;
	const both = (amount: number, each: number) => ({ unit: money(each), value: money(amount) });
	return {
		id: item.id,
		type: 'cart_item',
		product_id: item.productId,
		name: item.name,
		description: item.name,
		sku: item.sku,
		slug: item.sku,
		quantity: item.quantity,
		manage_stock: false,
		unit_price: price(item.unitPrice),
		value: price(value),
		discounts: [],
		links: { product: `${baseUrl}/v2/products/${encodeURIComponent(item.productId)}` },
		meta: {
			display_price: {
				with_tax: both(value, item.unitPrice),
				without_tax: both(value, item.unitPrice),
				tax: both(0, 0),
				discount: both(0, 0),
				without_discount: both(value, item.unitPrice),
			},
			timestamps: { created_at: new Date(cart.createdAt).toISOString(), updated_at: new Date(cart.updatedAt).toISOString() },
		},
	};
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
			display_price: displayPrice(cartTotal(cart)),
			timestamps: {
				created_at: new Date(cart.createdAt).toISOString(),
				updated_at: new Date(cart.updatedAt).toISOString(),
				expires_at: new Date(cart.expiresAt).toISOString(),
			},
		},
		relationships: {
			customers: relationship('customer', cart.customers),
			accounts: relationship('account', cart.accounts),
			items: { data: cart.items.length ? cart.items.map((item) => ({ type: 'cart_item', id: item.id })) : null },
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

/** GET `/v2/carts`: newest `updated_at` first, paged, with `links` and `meta.page` / `meta.results`. */
export function listCarts(state: StoreState, settings: CartListSettings, request: ApiRequest, access: AccessToken): Answer {
	const acting = actingAs(state, request, access, ['customer', 'account']);
	if (isAnswer(acting)) return acting;
	const visible = [...state.carts.values()]
		.filter((cart) =>
			acting.kind === 'admin'
				? state.cartSettings.showAllCarts || cart.customers.size > 0 || cart.accounts.size > 0
				: reaches(acting, cart),
		)
		.sort((a, b) => b.updatedAt - a.updatedAt);
	const baseUrl = baseUrlOf(request);
	return pagedAnswer(request, visible, (cart) => cartResource(cart, baseUrl), settings.beyondMaxOffset);
}

/**
 * GET `/v2/carts/{cartId}`: as documented, an ID that does not exist gets a new, empty cart.
 * `include=items` adds the cart's items as `included.items`.
 */
export function getCart(state: StoreState, request: ApiRequest, access: AccessToken, cartId: string): Answer {
	const acting = actingAs(state, request, access, ['customer', 'account']);
	if (isAnswer(acting)) return acting;
	const cart = state.carts.get(cartId) ?? state.addCart(cartId);
	if (!mayUse(acting, cart)) return refused(acting);
	const baseUrl = baseUrlOf(request);
	const include = (new URLSearchParams(request.query).get('include') ?? '').split(',');
	const included = include.includes('items') ? { included: { items: cart.items.map((item) => cartItemResource(item, cart, baseUrl)) } } : {};
	return { status: 200, body: { data: cartResource(cart, baseUrl), ...included } };
}

/**
 * GET `/v2/carts/{cartId}/items` (`CartItemCollectionResponse`): the items and, in `meta`, the
 * cart's totals. A cart that does not exist has no items (reading it would create it empty).
 */
export function getCartItems(state: StoreState, request: ApiRequest, access: AccessToken, cartId: string): Answer {
	const acting = actingAs(state, request, access, ['customer', 'account']);
	if (isAnswer(acting)) return acting;
	const cart = state.carts.get(cartId);
	if (cart && !mayUse(acting, cart)) return refused(acting);
	const baseUrl = baseUrlOf(request);
	const items: CartItem[] = cart?.items ?? [];
	return {
		status: 200,
		body: {
			data: cart ? items.map((item) => cartItemResource(item, cart, baseUrl)) : [],
			meta: { display_price: displayPrice(cart ? cartTotal(cart) : 0) },
		},
	};
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
