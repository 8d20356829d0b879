import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { IdField } from '../shared/ids';
import { idForReport } from '../shared/ids';
import type { ListedKind } from '../shared/listing';
import { DOCUMENTED_MAX_OFFSET } from '../shared/paging';
import { CUSTOMERS_PATH } from '../shared/paths';

export const RESOURCE = 'customer';

export const CUSTOMER_ID: IdField = { name: 'customerId', label: 'Customer ID', inPath: true };

export const CUSTOMERS_NEED = 'Reading customers needs a Client Credentials credential (a customer token reads its own customer only).';

export const CUSTOMER_LISTING: ListedKind = {
	path: CUSTOMERS_PATH,
	one: 'customer',
	many: 'customers',
	lastOnes: 'the last ones Elastic Path lists',
	needs: 'Listing customers needs a Client Credentials credential.',
	advice: `Elastic Path documents page[offset] up to ${DOCUMENTED_MAX_OFFSET} for its listings. Narrow the listing with the Email or Name filters to reach the customers after it.`,
};

export function identifyCustomer(this: IExecuteFunctions, itemIndex: number): IDataObject {
	return idForReport(this, itemIndex, CUSTOMER_ID.name);
}
