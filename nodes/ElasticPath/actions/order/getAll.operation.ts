import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { filterQuery } from '../shared/filterConditions';
import { optionsCollection, showFor } from '../shared/fields';
import { filtersCollection, itemLimit, listingNotice, listingOutput, returnAllAndLimit, whenCutOption } from '../shared/getMany';
import { listOutputs } from '../shared/listing';
import { accountTokenOption, customerTokenOption, tokenHeaders } from '../shared/tokens';
import { simplifyField, wantsSimplified } from '../shared/version';
import { ORDER_LISTING, RESOURCE } from './common';
import { createdWithin, ORDER_FILTERS, readOrderFilters } from './filters';
import { asOrderOutput } from './orderResource';

const show = showFor(RESOURCE, 'getAll');

/** Version 2 only: the customer and account filters become locators. */
export const description: INodeProperties[] = [
	listingNotice(ORDER_LISTING, show),
	...returnAllAndLimit(show),
	filtersCollection(show, ORDER_FILTERS),
	simplifyField(show),
	optionsCollection(show, [
		{ ...accountTokenOption, description: `${accountTokenOption.description} With one, Get Many lists that account's orders only.` },
		{ ...customerTokenOption, description: `${customerTokenOption.description} With one, Get Many lists that customer's orders only.` },
		whenCutOption(ORDER_LISTING),
	]),
];

/** `GET /v2/orders?filter=…`, newest first as Elastic Path lists them, page after page. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const filters = await readOrderFilters(this, itemIndex);
	const simplify = wantsSimplified(this, itemIndex);
	const listing = await listOutputs.call(this, itemIndex, ORDER_LISTING, { qs: filterQuery(filters.conditions), headers: tokenHeaders(this, itemIndex, options) }, {
		limit: itemLimit(this, itemIndex),
		outputsOf: (order) => (createdWithin(order, filters) ? [asOrderOutput(order, simplify)] : []),
	});
	return listingOutput(this, itemIndex, ORDER_LISTING, { ...listing, whenCut: options.whenCut });
}

export function identify(): IDataObject {
	return {};
}
