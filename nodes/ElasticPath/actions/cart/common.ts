import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { CART_ID } from '../shared/fields';
import { idForReport } from '../shared/ids';
import type { ListedKind } from '../shared/listing';
import { DOCUMENTED_MAX_OFFSET } from '../shared/paging';
import { CARTS_PATH } from '../shared/paths';

export const RESOURCE = 'cart';

export function identifyCart(this: IExecuteFunctions, itemIndex: number): IDataObject {
	return idForReport(this, itemIndex, CART_ID.name);
}

/** `GET /v2/carts`: newest `updated_at` first; what listing needs, and how to reach the stalest carts past the offset limit. */
export const CART_LISTING: ListedKind = {
	path: CARTS_PATH,
	one: 'cart',
	many: 'carts',
	lastOnes: 'the least recently updated ones',
	needs:
		"Listing carts needs a Client Credentials credential (every cart, or only carts with a customer or account when the store setting show_all_carts is off), or a customer token (that customer's carts only) or an account token (that account's carts only). An Implicit credential without one of these tokens cannot list carts.",
	advice: `Elastic Path documents page[offset] up to ${DOCUMENTED_MAX_OFFSET}. To reach older carts, make the listing shorter: turn the store setting show_all_carts off (Client Credentials then list only carts with a customer or account), or list per customer with a customer token. Deleting carts also shortens it for the next run.`,
};
