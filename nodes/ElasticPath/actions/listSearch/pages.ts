import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { epccLookup } from '../../transport';

/** `page[limit]` of the pickers' listings: the most Elastic Path gives per page. */
const SEARCH_PAGE_LIMIT = 100;

export interface SearchPage {
	records: IDataObject[];
	/** The offset of the next page, when there may be one: the picker's `paginationToken`. */
	next?: number;
}

/** The offset a picker's `paginationToken` stands for (0 for the first page). */
export function offsetOf(paginationToken: string | undefined): number {
	const offset = Number(paginationToken);
	return Number.isInteger(offset) && offset > 0 ? offset : 0;
}

/** One page of a listing (`page[limit]`, `page[offset]`), with where the next one starts. */
export async function searchPage(context: ILoadOptionsFunctions, path: string, offset: number, qs: IDataObject = {}): Promise<SearchPage> {
	const body = (await epccLookup.call(context, path, { ...qs, 'page[limit]': SEARCH_PAGE_LIMIT, 'page[offset]': offset })) as
		| IDataObject
		| undefined;
	const data = Array.isArray(body?.data) ? (body.data as unknown[]) : [];
	const records = data.filter((entry): entry is IDataObject => !!entry && typeof entry === 'object' && typeof (entry as IDataObject).id === 'string');
	const linkNext = (body?.links as IDataObject | undefined)?.next;
	const more = data.length >= SEARCH_PAGE_LIMIT || (typeof linkNext === 'string' && linkNext !== '');
	return { records, next: more && data.length > 0 ? offset + data.length : undefined };
}
