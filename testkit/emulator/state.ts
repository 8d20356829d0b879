import { randomBytes, randomUUID } from 'node:crypto';

import type { AccountProfile, CustomerProfile } from './directory';
import { Directory } from './directory';

export type Grant = 'client_credentials' | 'implicit';

export interface Client {
	clientId: string;
	clientSecret: string;
}

export interface Cart {
	id: string;
	name: string;
	customers: Set<string>;
	accounts: Set<string>;
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

export interface NewCart {
	customers?: string[];
	accounts?: string[];
	contactEmail?: string;
	createdAt?: number;
	updatedAt?: number;
	expiresAt?: number;
}

const DAY_MS = 24 * 3600 * 1000;

export interface AccessToken {
	grant: Grant;
	clientId: string;
	expiresAt: number;
}

/** What the store holds: carts, customers, accounts, issued tokens, cart settings. */
export class StoreState {
	readonly carts = new Map<string, Cart>();

	readonly customers = new Set<string>();

	readonly accounts = new Set<string>();

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
			contactEmail: options.contactEmail,
			createdAt: options.createdAt ?? updatedAt,
			updatedAt,
			expiresAt: options.expiresAt ?? updatedAt + this.cartSettings.expiryDays * DAY_MS,
		};
		this.carts.set(id, cart);
		return cart;
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
