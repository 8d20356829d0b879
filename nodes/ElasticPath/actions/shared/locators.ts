import type { INodeProperties, INodePropertyMode } from 'n8n-workflow';

/** The modes of the node's resource locators (version 2): `list` and `id` everywhere, `email` for customers. */
export const LOCATOR_MODE = { list: 'list', id: 'id', email: 'email' } as const;

/** The listSearch methods behind the "From List" modes. */
export const SEARCH_METHOD = { carts: 'searchCarts', customers: 'searchCustomers', accounts: 'searchAccounts' } as const;

/** A parameter value read either way: a plain string (version 1) or a resource locator value (version 2). */
export interface LocatorReading {
	mode?: string;
	value: unknown;
}

export function readLocator(raw: unknown): LocatorReading {
	if (raw && typeof raw === 'object' && !Array.isArray(raw) && '__rl' in raw) {
		const { mode, value } = raw as { mode?: unknown; value?: unknown };
		return { mode: typeof mode === 'string' ? mode : undefined, value };
	}
	return { value: raw };
}

interface LocatorSpec {
	/** The version 1 string parameter it replaces: name, displayOptions and `required` are kept. */
	replaces: INodeProperties;
	displayName: string;
	description: string;
	modes: INodePropertyMode[];
}

function locator({ replaces, displayName, description, modes }: LocatorSpec): INodeProperties {
	const { name, required, displayOptions } = replaces;
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: LOCATOR_MODE.list, value: '' },
		...(required ? { required } : {}),
		description,
		modes,
		...(displayOptions ? { displayOptions } : {}),
	};
}

/** The "From List" and "By ID" modes every locator has (returned under `modes`, where n8n's checks expect mode objects). */
function listAndId(listPlaceholder: string, searchListMethod: string, idPlaceholder: string): { modes: INodePropertyMode[] } {
	return {
		modes: [
			{
				displayName: 'From List',
				name: LOCATOR_MODE.list,
				type: 'list',
				placeholder: listPlaceholder,
				typeOptions: { searchListMethod, searchable: true },
			},
			{ displayName: 'By ID', name: LOCATOR_MODE.id, type: 'string', placeholder: idPlaceholder },
		],
	};
}

export function cartLocator(replaces: INodeProperties): INodeProperties {
	return locator({
		replaces,
		displayName: 'Cart',
		description: 'The cart: pick it from the list (newest first), or give its ID, e.g. {{ $json.cartId }}',
		modes: listAndId('Select a cart...', SEARCH_METHOD.carts, 'e.g. 5a3b2f0c-…').modes,
	});
}

export function customerLocator(replaces: INodeProperties): INodeProperties {
	return locator({
		replaces,
		displayName: 'Customer',
		description: 'The customer: search the list by email or name, give its ID, or give its email address (looked up when the node runs)',
		modes: [
			...listAndId('Search by email or name...', SEARCH_METHOD.customers, 'e.g. b3f2b6de-8fd4-4cdf-a9d9-c5f7cecccdfe').modes,
			{ displayName: 'By Email', name: LOCATOR_MODE.email, type: 'string', placeholder: 'e.g. ada@example.com' },
		],
	});
}

export function accountLocator(replaces: INodeProperties): INodeProperties {
	return locator({
		replaces,
		displayName: 'Account',
		description: 'The account: search the list by name, or give its ID',
		modes: listAndId('Search by name...', SEARCH_METHOD.accounts, 'e.g. c24e5698-3b54-491b-9225-559c7a9cf2b2').modes,
	});
}
