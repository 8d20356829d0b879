import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import type { EmulatorOptions } from '../emulator/EpccEmulator';
import { DEFAULT_CLIENT, EpccEmulator } from '../emulator/EpccEmulator';

/** A fresh emulator per test, stopped after it. */
export function useEmulator(options: EmulatorOptions = {}): () => EpccEmulator {
	let emulator: EpccEmulator | undefined;
	beforeEach(async () => {
		emulator = new EpccEmulator(options);
		await emulator.start();
	});
	afterEach(async () => {
		await emulator?.stop();
		emulator = undefined;
	});
	return () => {
		if (!emulator) throw new Error('useEmulator() is only available inside a test');
		return emulator;
	};
}

export function clientCredentials(emulator: EpccEmulator, extra: IDataObject = {}): ICredentialDataDecryptedObject {
	return { region: 'custom', baseUrl: emulator.baseUrl, authType: 'clientCredentials', ...DEFAULT_CLIENT, ...extra };
}

export function implicitCredentials(emulator: EpccEmulator, extra: IDataObject = {}): ICredentialDataDecryptedObject {
	return { region: 'custom', baseUrl: emulator.baseUrl, authType: 'implicit', clientId: DEFAULT_CLIENT.clientId, ...extra };
}

/** Parameters of the association operations, IDs mapped from each item as users do. */
export function associationParameters(operation: 'create' | 'delete', options: INodeParameters = {}): INodeParameters {
	return {
		resource: 'customerCartAssociation',
		operation,
		cartId: '={{ $json.cartId }}',
		customerId: '={{ $json.customerId }}',
		options,
	};
}

/** Cart `cart-<n>` holding customer `cust-<n>`, for n in 1..count, and the matching items. */
export function seedPairs(emulator: EpccEmulator, count: number): IDataObject[] {
	const items: IDataObject[] = [];
	for (let n = 1; n <= count; n++) {
		emulator.state.addCart(`cart-${n}`, { customers: [`cust-${n}`] });
		items.push({ cartId: `cart-${n}`, customerId: `cust-${n}` });
	}
	return items;
}
