import { cartPath, cartRelationshipPath, pathSegmentProblem } from '../../../nodes/ElasticPath/actions/shared/paths';

describe('cart relationship paths', () => {
	it.each([
		['cart-1', '/v2/carts/cart-1/relationships/customers'],
		['a/b?c#d%e', '/v2/carts/a%2Fb%3Fc%23d%25e/relationships/customers'],
		['é', '/v2/carts/%C3%A9/relationships/customers'],
		['..x', '/v2/carts/..x/relationships/customers'],
	])('%j → %s', (id, path) => {
		expect(cartRelationshipPath(id, 'customers')).toBe(path);
	});

	it.each([
		['cart-1', '/v2/carts/cart-1'],
		['a/b?c#d%e', '/v2/carts/a%2Fb%3Fc%23d%25e'],
	])('cart %j → %s', (id, path) => {
		expect(cartPath(id)).toBe(path);
	});

	it.each([['.'], ['..'], ['\ud800']])('refuses %j', (id) => {
		expect(pathSegmentProblem(id)).toBeDefined();
	});

	it('accepts ordinary IDs', () => {
		expect(pathSegmentProblem('5a3b2f0c-1111-2222-3333-444455556666')).toBeUndefined();
	});
});
