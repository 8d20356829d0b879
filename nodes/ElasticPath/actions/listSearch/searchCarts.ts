import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { asText } from '../../transport';
import { CARTS_PATH } from '../shared/paths';
import { offsetOf, searchPage } from './pages';

/** With a search text, read at most this many pages for one answer (the API cannot filter carts). */
const PAGES_PER_SEARCH = 5;
const ENOUGH_RESULTS = 20;

function cartItem(cart: IDataObject): INodeListSearchItems {
	const id = cart.id as string;
	const updated = asText(((cart.meta as IDataObject | undefined)?.timestamps as IDataObject | undefined)?.updated_at);
	const name = asText(cart.name) || '(no name)';
	return {
		name: `${name} · ${id}${updated ? ` · updated ${updated.replace('T', ' ').slice(0, 16)} UTC` : ''}`,
		value: id,
	};
}

function matches(cart: IDataObject, text: string): boolean {
	return `${asText(cart.name) ?? ''} ${asText(cart.id) ?? ''}`.toLowerCase().includes(text);
}

/**
 * The Cart picker: `GET /v2/carts`, newest update first as the API lists them. The API has no
 * cart search, so a search text is matched against the name and ID of the carts read.
 */
export async function searchCarts(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const text = (filter ?? '').trim().toLowerCase();
	const results: INodeListSearchItems[] = [];
	let offset: number | undefined = offsetOf(paginationToken);
	for (let pages = 0; offset !== undefined && pages < (text ? PAGES_PER_SEARCH : 1); pages++) {
		const page = await searchPage(this, CARTS_PATH, offset);
		results.push(...page.records.filter((cart) => !text || matches(cart, text)).map(cartItem));
		offset = page.next;
		if (results.length >= ENOUGH_RESULTS) break;
	}
	return { results, paginationToken: offset === undefined ? undefined : String(offset) };
}
