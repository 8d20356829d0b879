/** Why an ID cannot be put into a URL path; `undefined` when it can. */
export function pathSegmentProblem(id: string): string | undefined {
	// "." and ".." would be resolved away by URL normalisation (even percent-encoded) and
	// make the request reach another path, so no encoding can carry them.
	if (id === '.' || id === '..') return 'cannot be "." or ".."';
	try {
		encodeURIComponent(id);
	} catch {
		return 'contains malformed Unicode (an unpaired surrogate)';
	}
	return undefined;
}

/**
 * One path segment, whatever the ID holds: "/", "?", "#", "%", spaces, control and non-ASCII
 * characters are percent-encoded, so the ID can never leave its segment.
 * Callers validate with `pathSegmentProblem` first.
 */
function pathSegment(id: string): string {
	return encodeURIComponent(id);
}

export const CARTS_PATH = '/v2/carts';

export const CUSTOMERS_PATH = '/v2/customers';

export const ACCOUNTS_PATH = '/v2/accounts';

export function cartPath(cartId: string): string {
	return `${CARTS_PATH}/${pathSegment(cartId)}`;
}

export type CartRelationship = 'customers' | 'accounts';

export function cartRelationshipPath(cartId: string, relationship: CartRelationship): string {
	return `${cartPath(cartId)}/relationships/${relationship}`;
}

export function cartItemsPath(cartId: string): string {
	return `${cartPath(cartId)}/items`;
}

export function customerPath(customerId: string): string {
	return `${CUSTOMERS_PATH}/${pathSegment(customerId)}`;
}

export const ORDERS_PATH = '/v2/orders';

export function orderPath(orderId: string): string {
	return `${ORDERS_PATH}/${pathSegment(orderId)}`;
}
