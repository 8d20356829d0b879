import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { IdField } from '../shared/ids';
import { idForReport } from '../shared/ids';
import type { ListedKind } from '../shared/listing';
import { DOCUMENTED_MAX_OFFSET } from '../shared/paging';
import { ORDERS_PATH } from '../shared/paths';

export const RESOURCE = 'order';

export const ORDER_ID: IdField = { name: 'orderId', label: 'Order ID', inPath: true };

/** Who may read which orders, as the listing's documentation says. */
export const ORDERS_NEED =
	"Reading orders needs a Client Credentials credential (every order), or a customer token (that customer's orders only) or an account token (that account's orders only). An Implicit credential without one of these tokens cannot read orders.";

export const ORDER_LISTING: ListedKind = {
	path: ORDERS_PATH,
	one: 'order',
	many: 'orders',
	lastOnes: 'the oldest ones',
	needs: ORDERS_NEED,
	advice: `Elastic Path pages orders only up to page[offset] ${DOCUMENTED_MAX_OFFSET} and asks for a filter to reach the orders beyond: set Created Before (e.g. to the creation date of the last order read) or another filter, and list again.`,
};

export function identifyOrder(this: IExecuteFunctions, itemIndex: number): IDataObject {
	return idForReport(this, itemIndex, ORDER_ID.name);
}
