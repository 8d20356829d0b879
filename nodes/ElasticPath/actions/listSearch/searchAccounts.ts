import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { asText } from '../../transport';
import { ACCOUNTS_PATH } from '../shared/paths';
import { likeValue } from '../shared/filterValues';
import { offsetOf, searchPage } from './pages';

function accountItem(account: IDataObject): INodeListSearchItems {
	const name = asText(account.name) || (account.id as string);
	const legalName = asText(account.legal_name) ?? '';
	return { name: legalName && legalName !== name ? `${name} (${legalName})` : name, value: account.id as string };
}

/** The Account picker: `GET /v2/accounts` by name, a search text matched with `like(name,*text*)`. */
export async function searchAccounts(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const like = likeValue(filter);
	const qs: IDataObject = { sort: 'name', ...(like ? { filter: `like(name,${like})` } : {}) };
	const page = await searchPage(this, ACCOUNTS_PATH, offsetOf(paginationToken), qs);
	return { results: page.records.map(accountItem), paginationToken: page.next === undefined ? undefined : String(page.next) };
}
