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
	const hourAgo = Date.now() - 3600_000;
	for (const { cartId, customerId } of [...DEMO_ASSOCIATIONS, DEMO_UNLISTED]) {
		state.addCart(cartId, { customers: [customerId], updatedAt: hourAgo });
	}
	state.addCart(DEMO_STALE.cartId, { customers: [DEMO_STALE.customerId], updatedAt: Date.now() - 10 * 24 * 3600_000 });
	// Shoppers without a cart yet, for trying "Add Customer To Cart" in the editor.
	state.addCustomer('demo-customer-margaret');
	for (const [id, name] of Object.entries(DEMO_NAMES)) {
		state.addCustomer(id, { name, email: `${id.replace('demo-customer-', '')}@example.com` });
	}
	state.addCart('demo-cart-3001', { updatedAt: hourAgo });
}
