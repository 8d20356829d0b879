/** Items for carts `cart-<n>` holding customer `cust-<n>`, as the emulator process seeds them. */
export function pairs(count: number, from = 1): Array<{ cartId: string; customerId: string }> {
	return Array.from({ length: count }, (_, i) => ({ cartId: `cart-${from + i}`, customerId: `cust-${from + i}` }));
}
