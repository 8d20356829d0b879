import type { StoreState } from './state';

/** Carts holding a customer, as the example templates' sample data lists them. */
export const DEMO_ASSOCIATIONS = [
	{ cartId: 'demo-cart-1001', customerId: 'demo-customer-ada' },
	{ cartId: 'demo-cart-1002', customerId: 'demo-customer-grace' },
	{ cartId: 'demo-cart-1003', customerId: 'demo-customer-linus' },
];

/** A cart the cleanup's sample list does not name: it must keep its customer. */
export const DEMO_UNLISTED = { cartId: 'demo-cart-2001', customerId: 'demo-customer-ada' };

/** A cart nobody has touched for ten days that still holds a customer: what the stale-cart cleanup removes. */
export const DEMO_STALE = { cartId: 'demo-cart-0042', customerId: 'demo-customer-alan' };

/** What the demo carts hold: prices in cents, tax included. */
export const DEMO_ITEMS = {
	tea: { name: 'Green tea', sku: 'tea-green-100g', quantity: 2, unitPrice: 650 },
	teapot: { name: 'Cast iron teapot', sku: 'teapot-cast-iron', quantity: 1, unitPrice: 4900 },
	cups: { name: 'Tea cup', sku: 'cup-porcelain', quantity: 4, unitPrice: 1200 },
	kettle: { name: 'Kettle', sku: 'kettle-steel', quantity: 1, unitPrice: 3500 },
};

/** Carts left a day or two ago, what the reminder template reminds of (Grace has ordered since: she gets no reminder). */
export const DEMO_LEFT = [
	{ cartId: 'demo-cart-4001', customerId: 'demo-customer-margaret', items: [DEMO_ITEMS.tea, DEMO_ITEMS.teapot], hoursAgo: 30 },
	{ cartId: 'demo-cart-4002', customerId: 'demo-customer-grace', items: [DEMO_ITEMS.cups], hoursAgo: 40 },
];

/** Grace's order, placed since she left her cart. */
export const DEMO_ORDER = { orderId: 'demo-order-5001', customerId: 'demo-customer-grace', hoursAgo: 5 };

/** A cart nobody has touched for 45 days: what the reminder template's cleanup branch detaches and deletes. */
export const DEMO_ABANDONED = { cartId: 'demo-cart-0007', customerId: 'demo-customer-linus' };

/** Names for the demo customers, so that the editor's customer picker and By Email have something to find. */
const DEMO_NAMES: Record<string, string> = {
	'demo-customer-ada': 'Ada Lovelace',
	'demo-customer-grace': 'Grace Hopper',
	'demo-customer-linus': 'Linus Torvalds',
	'demo-customer-alan': 'Alan Turing',
	'demo-customer-margaret': 'Margaret Hamilton',
};

/**
 * The store the demo, `npm run dev` and the template tests start from. The cleanup template's
 * sample list also names demo-cart-1004, which is not here: a cart deleted since the list was made.
 */
export function seedDemoStore(state: StoreState): void {
	const HOUR = 3600_000;
	const hourAgo = Date.now() - HOUR;
	for (const { cartId, customerId } of [...DEMO_ASSOCIATIONS, DEMO_UNLISTED]) {
		const items = cartId === 'demo-cart-1001' ? [DEMO_ITEMS.tea, DEMO_ITEMS.teapot] : [];
		state.addCart(cartId, { customers: [customerId], items, updatedAt: hourAgo });
	}
	state.addCart(DEMO_STALE.cartId, { customers: [DEMO_STALE.customerId], updatedAt: Date.now() - 10 * 24 * HOUR });
	for (const { cartId, customerId, items, hoursAgo } of DEMO_LEFT) {
		state.addCart(cartId, { customers: [customerId], items, updatedAt: Date.now() - hoursAgo * HOUR });
	}
	state.addCart(DEMO_ABANDONED.cartId, { customers: [DEMO_ABANDONED.customerId], items: [DEMO_ITEMS.kettle], updatedAt: Date.now() - 45 * 24 * HOUR });
	// Margaret is on none of the cleanup list's carts: for trying "Add Customer To Cart" in the editor.
	state.addCustomer('demo-customer-margaret');
	for (const [id, name] of Object.entries(DEMO_NAMES)) {
		state.addCustomer(id, { name, email: `${id.replace('demo-customer-', '')}@example.com` });
	}
	state.addCart('demo-cart-3001', { updatedAt: hourAgo });
	state.orders.clear();
	state.addOrder(DEMO_ORDER.orderId, {
		customerId: DEMO_ORDER.customerId,
		items: [{ productId: 'product-cups', ...DEMO_ITEMS.cups }],
		createdAt: Date.now() - DEMO_ORDER.hoursAgo * HOUR,
	});
}
