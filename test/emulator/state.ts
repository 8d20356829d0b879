import { randomBytes, randomUUID } from 'node:crypto';

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
}

export interface AccessToken {
	grant: Grant;
	clientId: string;
	expiresAt: number;
}

/** What the store holds: carts, customers, issued tokens. */
export class StoreState {
	readonly carts = new Map<string, Cart>();

	readonly customers = new Set<string>();

	readonly accessTokens = new Map<string, AccessToken>();

	readonly customerTokens = new Map<string, string>();

	constructor(readonly clients: Client[]) {}

	addCustomer(id: string = randomUUID()): string {
		this.customers.add(id);
		return id;
	}

	addCart(id: string = randomUUID(), options: { customers?: string[]; contactEmail?: string; updatedAt?: number } = {}): Cart {
		const now = options.updatedAt ?? Date.now();
		for (const customer of options.customers ?? []) this.customers.add(customer);
		const cart: Cart = {
			id,
			name: `Cart ${id}`,
			customers: new Set(options.customers ?? []),
			accounts: new Set(),
			contactEmail: options.contactEmail,
			createdAt: now,
			updatedAt: now,
		};
		this.carts.set(id, cart);
		return cart;
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

	validAccessToken(token: string | undefined): AccessToken | undefined {
		if (!token) return undefined;
		const found = this.accessTokens.get(token);
		return found && found.expiresAt > Date.now() ? found : undefined;
	}

	expireAccessTokens(): void {
		for (const token of this.accessTokens.values()) token.expiresAt = 0;
	}
}
