import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ACTING_TOKEN_HEADERS } from '../../transport';

type TokenName = keyof typeof ACTING_TOKEN_HEADERS;

const TOKEN_LABELS: Record<TokenName, string> = { customerToken: 'Customer Token', accountToken: 'Account Token' };

/** A per-item override of one of the credential's optional tokens (same name as the credential field). */
function tokenOption(name: TokenName, reach: string): INodeProperties {
	const displayName = TOKEN_LABELS[name];
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
	"A customer token only reaches its own customer's carts",
);

export const accountTokenOption = tokenOption(
	'accountToken',
	"An account token only reaches its own account's carts",
);

/**
 * The headers of the token options set on an item (its `options`); an empty option leaves the
 * credential's token in place. A token with a line break inside cannot be a header value: it
 * is refused here, naming the item and the option, rather than failing as a network error.
 */
export function tokenHeaders(context: IExecuteFunctions, itemIndex: number, options: IDataObject): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [name, header] of Object.entries(ACTING_TOKEN_HEADERS) as Array<[TokenName, string]>) {
		const value = typeof options[name] === 'string' ? (options[name] as string).trim() : '';
		if (/[\r\n]/.test(value)) {
			throw new NodeOperationError(
				context.getNode(),
				`The ${TOKEN_LABELS[name]} option contains a line break (item ${itemIndex}, field "options.${name}")`,
				{ itemIndex, description: 'A token is one line of text: check the expression or the pasted value.' },
			);
		}
		if (value) headers[header] = value;
	}
	return headers;
}
