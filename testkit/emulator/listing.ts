import type { Answer } from './jsonapi';
import { errorAnswer } from './jsonapi';
import type { ApiRequest } from './requests';
import { header } from './requests';

/** `page[limit]`: 1 to 100 (default 20) and `page[offset]` from 0, as the carts listing pages. */
const MAX_LIMIT = 100;
const DEFAULT_LIMIT = 20;

function integer(query: URLSearchParams, name: string, fallback: number): number | undefined {
	const raw = query.get(name);
	if (raw === null) return fallback;
	const value = Number(raw);
	return raw.trim() !== '' && Number.isInteger(value) ? value : undefined;
}

/** One page of `records` as a JSON:API collection with `links`, `meta.page` and `meta.results`; 400 for a bad page. */
export function pagedAnswer<T>(request: ApiRequest, records: T[], toResource: (record: T) => unknown): Answer {
	const query = new URLSearchParams(request.query);
	const limit = integer(query, 'page[limit]', DEFAULT_LIMIT);
	const offset = integer(query, 'page[offset]', 0);
	if (limit === undefined || limit < 1 || limit > MAX_LIMIT) {
		return errorAnswer(400, 'Bad Request', `page[limit] must be an integer from 1 to ${MAX_LIMIT}`);
	}
	if (offset === undefined || offset < 0) return errorAnswer(400, 'Bad Request', 'page[offset] must be a positive integer');
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
				last: link(Math.max(0, Math.floor((total - 1) / limit) * limit)),
			},
			meta: {
				page: { limit, offset, current: Math.floor(offset / limit) + 1, total: Math.ceil(total / limit) },
				results: { total },
			},
		},
	};
}
