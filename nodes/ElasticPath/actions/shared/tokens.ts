import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { ACTING_TOKEN_HEADERS } from '../../transport';

/** A per-item override of one of the credential's optional tokens (same name as the credential field). */
function tokenOption(name: keyof typeof ACTING_TOKEN_HEADERS, displayName: string, reach: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: `Sent as ${ACTING_TOKEN_HEADERS[name]} for this item instead of the credential's ${displayName.toLowerCase()}. ${reach}.`,
	};
}

export const customerTokenOption = tokenOption(
	'customerToken',
	'Customer Token',
	"A customer token only reaches its own customer's carts",
);

export const accountTokenOption = tokenOption(
	'accountToken',
	'Account Token',
	"An account token only reaches its own account's carts",
);

/** The headers of the token options set on an item (its `options`); an empty option leaves the credential's token in place. */
export function tokenHeaders(options: IDataObject): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [name, header] of Object.entries(ACTING_TOKEN_HEADERS)) {
		const value = typeof options[name] === 'string' ? (options[name] as string).trim() : '';
		if (value) headers[header] = value;
	}
	return headers;
}
