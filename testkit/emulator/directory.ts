/** What the store knows of a customer (`GET /v2/customers`). */
export interface CustomerProfile {
	id: string;
	name: string;
	email: string;
	external_ref?: string;
	createdAt: number;
	updatedAt: number;
}

/** What the store knows of an account (`GET /v2/accounts`). */
export interface AccountProfile {
	id: string;
	name: string;
	legal_name: string;
	registration_id?: string;
	external_ref?: string;
	createdAt: number;
	updatedAt: number;
}

/**
 * Names, emails and dates of the store's customers and accounts. A customer or account known
 * only by its ID (e.g. from a cart) gets a profile made from the ID.
 */
export class Directory {
	readonly customers = new Map<string, CustomerProfile>();

	readonly accounts = new Map<string, AccountProfile>();

	customer(id: string): CustomerProfile {
		return this.customers.get(id) ?? { id, name: id, email: `${id}@example.com`, createdAt: 0, updatedAt: 0 };
	}

	account(id: string): AccountProfile {
		return this.accounts.get(id) ?? { id, name: id, legal_name: id, createdAt: 0, updatedAt: 0 };
	}
}
