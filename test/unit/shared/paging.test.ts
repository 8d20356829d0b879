import { DOCUMENTED_MAX_OFFSET, NewestFirstWatch, PAGE_LIMIT, readPage } from '../../../nodes/ElasticPath/actions/shared/paging';

const carts = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `cart-${i}` }));

describe('paging the cart listing', () => {
	it('asks 100 carts a page and knows the documented offset limit', () => {
		expect(PAGE_LIMIT).toBe(100);
		expect(DOCUMENTED_MAX_OFFSET).toBe(10_000);
	});

	it.each([
		['a full page', { data: carts(100) }, 200, { more: true, nextOffset: 300 }],
		['a short page', { data: carts(40) }, 200, { more: false, nextOffset: 240 }],
		['an empty page', { data: [] }, 300, { more: false, nextOffset: 300 }],
		['an empty page with a next link', { data: [], links: { next: 'https://x/v2/carts?page[offset]=400' } }, 300, { more: false, nextOffset: 300 }],
		['a short page with a next link', { data: carts(40), links: { next: 'https://x/v2/carts?page[offset]=240' } }, 200, { more: true, nextOffset: 240 }],
		['a short page with a null next link', { data: carts(40), links: { next: null } }, 200, { more: false, nextOffset: 240 }],
		['a page capped by the API to 25', { data: carts(25), meta: { page: { limit: 25 } } }, 50, { more: true, nextOffset: 75 }],
		['a page with an absurd applied limit', { data: carts(100), meta: { page: { limit: 'many' } } }, 0, { more: true, nextOffset: 100 }],
	])('%s', (_label, body, offset, expected) => {
		expect(readPage(body, offset)).toMatchObject(expected);
	});

	it('keeps meta.results.total for reporting only', () => {
		expect(readPage({ data: carts(10), meta: { results: { total: 10_250 } } }, 0)?.reportedTotal).toBe(10_250);
		expect(readPage({ data: carts(10), meta: { results: {} } }, 0)?.reportedTotal).toBeUndefined();
	});

	it.each([[null], ['<html>'], [{}], [{ data: null }], [{ data: {} }]])('finds no page in %j', (body) => {
		expect(readPage(body, 0)).toBeUndefined();
	});
});

describe('the newest-first watch that makes stopping early safe', () => {
	const MINUTE = 60_000;

	it('allows stopping once carts in order reach the date', () => {
		const watch = new NewestFirstWatch();
		for (const at of [10, 9, 9, 7]) watch.see(at * MINUTE);
		expect(watch.allLaterAtOrBefore(8 * MINUTE)).toBe(true);
		expect(watch.allLaterAtOrBefore(7 * MINUTE)).toBe(true);
		expect(watch.allLaterAtOrBefore(6 * MINUTE)).toBe(false);
	});

	it('never allows it again after a cart out of order', () => {
		const watch = new NewestFirstWatch();
		for (const at of [10, 11, 3]) watch.see(at * MINUTE);
		expect(watch.allLaterAtOrBefore(8 * MINUTE)).toBe(false);
	});

	it('never allows it after a cart with no readable update time', () => {
		const watch = new NewestFirstWatch();
		for (const at of [10 * MINUTE, undefined, 3 * MINUTE]) watch.see(at);
		expect(watch.allLaterAtOrBefore(8 * MINUTE)).toBe(false);
	});

	it('does not allow it before any cart was seen', () => {
		expect(new NewestFirstWatch().allLaterAtOrBefore(Date.now())).toBe(false);
	});
});
