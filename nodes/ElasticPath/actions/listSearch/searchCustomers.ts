import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { asText } from '../../transport';
import { CUSTOMERS_PATH } from '../shared/paths';
import type { SearchPage } from './pages';
import { likeValue } from '../shared/filterValues';
import { offsetOf, searchPage } from './pages';

function customerItem(customer: IDataObject): INodeListSearchItems {
	const name = asText(customer.name) ?? '';
	const email = asText(customer.email) ?? '';
	return { name: name && email ? `${name} <${email}>` : name || email || (customer.id as string), value: customer.id as string };
}

/**
 * The Customer picker: `GET /v2/customers`. A search text with an "@" is looked for in the
 * email; any other in the name and the email (two filtered listings, merged).
 */
export async function searchCustomers(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const offset = offsetOf(paginationToken);
	const like = likeValue(filter);
	const fields = !like ? [] : like.includes('@') ? ['email'] : ['name', 'email'];
	const pages: SearchPage[] = fields.length
		? await Promise.all(fields.map(async (field) => await searchPage(this, CUSTOMERS_PATH, offset, { filter: `like(${field},${like})` })))
		: [await searchPage(this, CUSTOMERS_PATH, offset)];
	const seen = new Set<string>();
	const results = pages
		.flatMap((page) => page.records)
		.filter((customer) => !seen.has(customer.id as string) && !!seen.add(customer.id as string))
		.map(customerItem);
	const next = Math.max(...pages.map((page) => page.next ?? -1));
	return { results, paginationToken: next >= 0 ? String(next) : undefined };
}
