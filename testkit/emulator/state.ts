import { randomBytes, randomUUID } from 'node:crypto';

import type { AccountProfile, CustomerProfile } from './directory';
import { Directory } from './directory';

export type Grant = 'client_credentials' | 'implicit';

export interface Client {
	clientId: string;
	clientSecret: string;
}

/** A line of a cart: a product, how many, at what price (minor units, tax included). */
export interface CartItem {
	id: string;
	productId: string;
	name: string;
	sku: string;
	quantity: number;
	unitPrice: number;
}

export interface Cart {
	id: string;
	name: string;
	customers: Set<string>;
	accounts: Set<string>;
	items: CartItem[];
	contactEmail?: string;
	createdAt: number;
	updatedAt: number;
	/** Set from the store's cart_expiry_days at each update, as `meta.timestamps.expires_at` shows. */
	expiresAt: number;
}

/** The store's cart settings (`/v2/settings/cart`) the emulated endpoints read. */
export interface CartSettings {
	/** `show_all_carts`: client_credentials list every cart, or only carts with a customer or account. */
	showAllCarts: boolean;
	/** `cart_expiry_days`: carts expire this long after their last update. */
	expiryDays: number;
}

export type NewCartItem = Omit<CartItem, 'id' | 'productId'> & Partial<Pick<CartItem, 'id' | 'productId'>>;

export interface NewCart {
	customers?: string[];
	accounts?: string[];
	items?: NewCartItem[];
	contactEmail?: string;
	createdAt?: number;
	updatedAt?: number;
	expiresAt?: number;
}

const DAY_MS = 24 * 3600 * 1000;

/** An order's state, as `GET /v2/orders` shows it; amounts in minor units, tax included. */
export interface Order {
	id: string;
	status: 'incomplete' | 'complete' | 'processing' | 'cancelled';
	payment: 'unpaid' | 'authorized' | 'paid' | 'refunded' | 'partially_paid' | 'partially_authorized';
	shipping: 'unfulfilled' | 'fulfilled';
	/** The registered customer who placed it (`relationships.customer`), if any. */
	customerId?: string;
	accountId?: string;
	/** `customer.name` and `customer.email`, as given at checkout. */
	customer: { name: string; email: string };
	items: Array<Omit<CartItem, 'id'>>;
	createdAt: number;
	updatedAt: number;
}

export type NewOrder = Partial<Omit<Order, 'id'>>;

export interface AccessToken {
	grant: Grant;
	clientId: string;
	expiresAt: number;
}

/** What the store holds: carts and their items, customers, accounts, orders, issued tokens, cart settings. */
export class StoreState {
	readonly carts = new Map<string, Cart>();

	readonly customers = new Set<string>();

	readonly accounts = new Set<string>();

	readonly orders = new Map<string, Order>();

	/** Names and emails of customers and accounts, for the listings. */
	readonly directory = new Directory();

	readonly cartSettings: CartSettings = { showAllCarts: true, expiryDays: 7 };

	readonly accessTokens = new Map<string, AccessToken>();

	readonly customerTokens = new Map<string, string>();

	/** Account Management authentication tokens → account ID. */
	readonly accountTokens = new Map<string, string>();

	constructor(readonly clients: Client[]) {}

	addCustomer(id: string = randomUUID(), profile: Partial<Omit<CustomerProfile, 'id'>> = {}): string {
		this.customers.add(id);
		if (Object.keys(profile).length) this.directory.customers.set(id, { ...this.directory.customer(id), ...profile, id });
		return id;
	}

	addAccount(id: string = randomUUID(), profile: Partial<Omit<AccountProfile, 'id'>> = {}): string {
		this.accounts.add(id);
		if (Object.keys(profile).length) this.directory.accounts.set(id, { ...this.directory.account(id), ...profile, id });
		return id;
	}

	addCart(id: string = randomUUID(), options: NewCart = {}): Cart {
		const updatedAt = options.updatedAt ?? Date.now();
		for (const customer of options.customers ?? []) this.customers.add(customer);
		for (const account of options.accounts ?? []) this.accounts.add(account);
		const cart: Cart = {
			id,
			name: `Cart ${id}`,
			customers: new Set(options.customers ?? []),
			accounts: new Set(options.accounts ?? []),
			items: (options.items ?? []).map((item, n) => ({ id: `${id}-item-${n + 1}`, productId: `product-${item.sku}`, ...item })),
			contactEmail: options.contactEmail,
			createdAt: options.createdAt ?? updatedAt,
			updatedAt,
			expiresAt: options.expiresAt ?? updatedAt + this.cartSettings.expiryDays * DAY_MS,
		};
		this.carts.set(id, cart);
		return cart;
	}

	/**
	 * An order, newest by default. Its customer's name and email come from the directory when it
	 * has a registered customer and none are given.
	 */
	addOrder(id: string = randomUUID(), options: NewOrder = {}): Order {
		const createdAt = options.createdAt ?? Date.now();
		const registered = options.customerId ? this.directory.customer(options.customerId) : undefined;
		if (options.customerId) this.customers.add(options.customerId);
		if (options.accountId) this.accounts.add(options.accountId);
		const order: Order = {
			id,
			status: 'complete',
			payment: 'paid',
			shipping: 'unfulfilled',
			customer: { name: registered?.name ?? 'Guest', email: registered?.email ?? 'guest@example.com' },
			items: [],
			...options,
			createdAt,
			updatedAt: options.updatedAt ?? createdAt,
		};
		this.orders.set(id, order);
		return order;
	}

	/** A change to the cart: it moves to the head of the listing and its expiry is pushed back. */
	touch(cart: Cart, now = Date.now()): void {
		cart.updatedAt = now;
		cart.expiresAt = now + this.cartSettings.expiryDays * DAY_MS;
	}

	issueAccessToken(grant: Grant, clientId: string, lifetimeSeconds: number): { token: string; expiresAt: number } {
		const token = `ep_${grant === 'implicit' ? 'imp' : 'cc'}_${randomBytes(18).toString('hex')}`;
		const expiresAt = Date.now() + lifetimeSeconds * 1000;
		this.accessTokens.set(token, { grant, clientId, expiresAt });
		return { token, expiresAt };
	}

	issueCustomerToken(customerId: string): string {
		this.customers.add(customerId);
		const token = `ep_customer_${randomBytes(18).toString('hex')}`;
		this.customerTokens.set(token, customerId);
		return token;
	}

	issueAccountToken(accountId: string): string {
		this.accounts.add(accountId);
		const token = `ep_account_${randomBytes(18).toString('hex')}`;
		this.accountTokens.set(token, accountId);
		return token;
	}

	validAccessToken(token: string | undefined): AccessToken | undefined {
		if (!token) return undefined;
		const found = this.accessTokens.get(token);
		return found && found.expiresAt > Date.now() ? found : undefined;
	}

	expireAccessTokens(): void {
		for (const token of this.accessTokens.values()) token.expiresAt = 0;
	}
}
