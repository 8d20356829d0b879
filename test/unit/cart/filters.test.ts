import type { EpccCart } from '../../../nodes/ElasticPath/actions/cart/cartResource';
import { cartOutput, relatedIds } from '../../../nodes/ElasticPath/actions/cart/cartResource';
import { matchesFilters } from '../../../nodes/ElasticPath/actions/cart/filters';

const T = Date.UTC(2026, 10, 20);
const DAY = 24 * 3600 * 1000;

function cart(updatedDaysAgo: number | undefined, customers: string[] = [], expiresDaysAgo?: number): EpccCart {
	const timestamps: Record<string, string> = {};
	if (updatedDaysAgo !== undefined) timestamps.updated_at = new Date(T - updatedDaysAgo * DAY).toISOString();
	if (expiresDaysAgo !== undefined) timestamps.expires_at = new Date(T - expiresDaysAgo * DAY).toISOString();
	return {
		id: 'cart-1',
		meta: { timestamps },
		relationships: { customers: customers.length ? { data: customers.map((id) => ({ type: 'customer', id })) } : {} },
	};
}

describe('the filters Get Many applies', () => {
	it.each([
		['updated before: strictly before', cart(10), { updatedBefore: T - 10 * DAY }, false],
		['updated before: older', cart(11), { updatedBefore: T - 10 * DAY }, true],
		['updated after: strictly after', cart(10), { updatedAfter: T - 10 * DAY }, false],
		['updated after: newer', cart(9), { updatedAfter: T - 10 * DAY }, true],
		['expires before', cart(20, [], 13), { expiresBefore: T - 10 * DAY }, true],
		['expires later', cart(20, [], 5), { expiresBefore: T - 10 * DAY }, false],
		['with customers: none', cart(1), { withCustomers: true }, false],
		['with customers: one', cart(1, ['c1']), { withCustomers: true }, true],
		['customer ID: among them', cart(1, ['c1', 'c2']), { customerId: 'c2' }, true],
		['customer ID: not there', cart(1, ['c1']), { customerId: 'c2' }, false],
		['customer ID: no customers', cart(1), { customerId: 'c2' }, false],
		['no filter', cart(undefined), {}, true],
		// A cart without a readable date matches no date filter: a cleanup must not act on it.
		['no updated_at, updated before', cart(undefined), { updatedBefore: T }, false],
		['no updated_at, updated after', cart(undefined), { updatedAfter: 0 }, false],
		['no expires_at', cart(30), { expiresBefore: T }, false],
	])('%s', (_label, subject, filters, expected) => {
		expect(matchesFilters(subject, filters)).toBe(expected);
	});

	it('reads unreadable dates as missing', () => {
		expect(matchesFilters({ id: 'x', meta: { timestamps: { updated_at: 'soon' } } }, { updatedBefore: T })).toBe(false);
	});
});

describe("a cart's related IDs", () => {
	it.each([
		['a data list', { customers: { data: [{ type: 'customer', id: 'c1' }, { type: 'customer', id: 'c2' }] } }, ['c1', 'c2']],
		['an empty object', { customers: {} }, []],
		['a null data', { customers: { data: null } }, []],
		['no relationships', undefined, []],
		['broken entries', { customers: { data: [null, { id: 5 }, { id: '' }, { id: 'c3' }] } }, ['c3']],
	])('from %s', (_label, relationships, ids) => {
		expect(relatedIds({ id: 'cart', relationships } as EpccCart, 'customers')).toEqual(ids);
	});

	it('are added to the output next to the cart fields and its cartId', () => {
		const subject = cart(1, ['c1']);
		expect(cartOutput(subject)).toEqual({ cartId: 'cart-1', ...subject, customerIds: ['c1'], accountIds: [] });
	});
});
