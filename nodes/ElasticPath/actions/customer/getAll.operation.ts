import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filterQuery } from '../shared/filterConditions';
import { optionsCollection, showFor } from '../shared/fields';
import { filtersCollection, itemLimit, listingNotice, listingOutput, returnAllAndLimit, whenCutOption } from '../shared/getMany';
import { listOutputs } from '../shared/listing';
import { simplifyField, wantsSimplified } from '../shared/version';
import { CUSTOMER_LISTING, RESOURCE } from './common';
import { asCustomerOutput } from './customerResource';
import { CUSTOMER_FILTERS, customerConditions } from './filters';

const show = showFor(RESOURCE, 'getAll');

/** Version 2 only. */
export const description: INodeProperties[] = [
	listingNotice(CUSTOMER_LISTING, show),
	...returnAllAndLimit(show),
	filtersCollection(show, CUSTOMER_FILTERS),
	simplifyField(show),
	optionsCollection(show, [whenCutOption(CUSTOMER_LISTING)]),
];

/** `GET /v2/customers?filter=…`, page after page, in the order Elastic Path lists them. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs = filterQuery(customerConditions(this, itemIndex));
	const simplify = wantsSimplified(this, itemIndex);
	const listing = await listOutputs.call(this, itemIndex, CUSTOMER_LISTING, { qs, headers: {} }, {
		limit: itemLimit(this, itemIndex),
		outputsOf: (customer) => [asCustomerOutput(customer, simplify)],
	});
	return listingOutput(this, itemIndex, CUSTOMER_LISTING, { ...listing, whenCut: options.whenCut });
}

export function identify(): IDataObject {
	return {};
}
