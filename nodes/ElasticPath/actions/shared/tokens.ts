import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ACTING_TOKEN_HEADERS } from '../../transport/authenticate';

export const customerTokenOption: INodeProperties = {
	displayName: 'Customer Token',
	name: 'customerToken',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	description:
		"Sent as X-Moltin-Customer-Token for this item instead of the credential's customer token. A customer token only reaches its own customer's carts.",
};

export const accountTokenOption: INodeProperties = {
	displayName: 'Account Token',
	name: 'accountToken',
	type: 'string',
	typeOptions: { password: true },
	default: '',
	description:
		"Sent as EP-Account-Management-Authentication-Token for this item instead of the credential's account token. An account token only reaches its own account's carts.",
};

/** The headers of the token options set on this item; an empty option leaves the credential's token in place. */
export function tokenHeaders(context: IExecuteFunctions, itemIndex: number): Record<string, string> {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const headers: Record<string, string> = {};
	for (const [name, header] of Object.entries(ACTING_TOKEN_HEADERS)) {
		const value = typeof options[name] === 'string' ? (options[name] as string).trim() : '';
		if (value) headers[header] = value;
	}
	return headers;
}
