import type { IDataObject } from 'n8n-workflow';

import { asRecord } from '../../transport';
import type { Listed } from '../shared/listing';
import { withOwnFields } from '../shared/ownFields';

/** A customer as Elastic Path returns it, with `customerId` first (as the node's other outputs name it). */
export function customerOutput(customer: Listed): IDataObject {
	return withOwnFields({ customerId: customer.id }, customer);
}

/** "Simplify": who the customer is and when the record was made and changed. */
export function simplifiedCustomer(customer: Listed): IDataObject {
	const timestamps = asRecord(asRecord(customer.meta)?.timestamps);
	return {
		customerId: customer.id,
		name: customer.name,
		email: customer.email,
		createdAt: timestamps?.created_at,
		updatedAt: timestamps?.updated_at,
	};
}

export function asCustomerOutput(customer: Listed, simplify: boolean): IDataObject {
	return simplify ? simplifiedCustomer(customer) : customerOutput(customer);
}
