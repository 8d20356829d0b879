import type { Answer } from './jsonapi';
import { errorAnswer } from './jsonapi';
import type { ApiRequest } from './requests';
import { header } from './requests';

/** `page[limit]`: 1 to 100, 20 by default; `page[offset]` from 0, as Elastic Path's listings page. */
export const MAX_PAGE_LIMIT = 100;
export const DEFAULT_PAGE_LIMIT = 20;
/** The largest `page[offset]` the OpenAPI description allows for carts and orders (a "soft limit"). */
export const MAX_PAGE_OFFSET = 10_000;

/**
 * What a `page[offset]` past 10,000 gets from a listing that has the limit. `refuse` (default):
 * 400, as the OpenAPI maximum says; `allow`: the page, as if the limit were not enforced;
 * `repeat`: the page at 10,000.
 */
export type BeyondMaxOffset = 'refuse' | 'allow' | 'repeat';

function integer(query: URLSearchParams, name: string, fallback: number): number | undefined {
	const raw = query.get(name);
	if (raw === null) return fallback;
	const value = Number(raw);
	return raw.trim() !== '' && Number.isInteger(value) ? value : undefined;
}

/**
 * One page of `records` as a JSON:API collection with `links`, `meta.page` and `meta.results`;
 * 400 for a bad page. With `beyondMaxOffset`, the listing has the 10,000 offset limit.
 */
export function pagedAnswer<T>(
	request: ApiRequest,
	records: T[],
	toResource: (record: T) => unknown,
	beyondMaxOffset?: BeyondMaxOffset,
): Answer {
	const query = new URLSearchParams(request.query);
	const limit = integer(query, 'page[limit]', DEFAULT_PAGE_LIMIT);
	let offset = integer(query, 'page[offset]', 0);
	if (limit === undefined || limit < 1 || limit > MAX_PAGE_LIMIT) {
		return errorAnswer(400, 'Bad Request', `page[limit] must be an integer from 1 to ${MAX_PAGE_LIMIT}`);
	}
	if (offset === undefined || offset < 0) return errorAnswer(400, 'Bad Request', 'page[offset] must be a positive integer');
	if (beyondMaxOffset && offset > MAX_PAGE_OFFSET) {
		if (beyondMaxOffset === 'refuse') return errorAnswer(400, 'Bad Request', `page[offset] must be less than or equal to ${MAX_PAGE_OFFSET}`);
		if (beyondMaxOffset === 'repeat') offset = MAX_PAGE_OFFSET;
	}
	const total = records.length;
	const link = (at: number) =>
		`http://${header(request, 'host') ?? '127.0.0.1'}${request.path}?page%5Blimit%5D=${limit}&page%5Boffset%5D=${at}`;
	return {
		status: 200,
		body: {
			data: records.slice(offset, offset + limit).map(toResource),
			links: {
				current: link(offset),
				first: link(0),
				prev: offset > 0 ? link(Math.max(0, offset - limit)) : null,
				next: offset + limit < total ? link(offset + limit) : null,
				// "If there is only one page, it is null."
				last: total > limit ? link(Math.max(0, Math.floor((total - 1) / limit) * limit)) : null,
			},
			meta: {
				page: { limit, offset, current: Math.floor(offset / limit) + 1, total: Math.ceil(total / limit) },
				results: { total },
			},
		},
	};
}
