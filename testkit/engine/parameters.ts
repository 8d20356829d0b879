import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { DEFAULT_CLIENT } from '../emulator/EpccEmulator';

/*
 * Node parameters and credentials as the tests, the benchmark and the soak give them
 * (no jest here: the benchmark runs this compiled, in plain Node.js).
 */

/** Parameters of the association operations (customer by default), IDs mapped from each item as users do. */
export function associationParameters(
	operation: 'create' | 'delete',
	options: INodeParameters = {},
	related: 'customer' | 'account' = 'customer',
): INodeParameters {
	return {
		resource: `${related}CartAssociation`,
		operation,
		cartId: '={{ $json.cartId }}',
		[`${related}Id`]: `={{ $json.${related}Id }}`,
		options,
	};
}

/** Parameters of a Cart operation. */
export function cartParameters(operation: 'getAll' | 'get' | 'delete', extra: INodeParameters = {}): INodeParameters {
	return { resource: 'cart', operation, ...extra };
}

/** A Client Credentials credential for an emulator at `baseUrl`. */
export function emulatorCredentials(baseUrl: string, extra: IDataObject = {}): ICredentialDataDecryptedObject {
	return { region: 'custom', baseUrl, authType: 'clientCredentials', ...DEFAULT_CLIENT, ...extra };
}

/** A resource locator value, as version 2 of the node saves it: `{ __rl, mode, value }`. */
export function locator(mode: 'list' | 'id' | 'email', value: string): INodeParameters {
	return { __rl: true, mode, value };
}
