import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { CART_ID } from '../shared/fields';
import { idForReport } from '../shared/ids';

export const RESOURCE = 'cart';

export function identifyCart(this: IExecuteFunctions, itemIndex: number): IDataObject {
	return idForReport(this, itemIndex, CART_ID.name);
}
