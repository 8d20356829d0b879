import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { EmulatorOptions } from '../../testkit/emulator/EpccEmulator';
import { DEFAULT_CLIENT, EpccEmulator } from '../../testkit/emulator/EpccEmulator';
import { emulatorCredentials } from '../../testkit/engine/parameters';

export { associationParameters, cartParameters } from '../../testkit/engine/parameters';

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
	return emulatorCredentials(emulator.baseUrl, extra);
}

export function implicitCredentials(emulator: EpccEmulator, extra: IDataObject = {}): ICredentialDataDecryptedObject {
	return { region: 'custom', baseUrl: emulator.baseUrl, authType: 'implicit', clientId: DEFAULT_CLIENT.clientId, ...extra };
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

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

/**
 * Carts `<prefix>-<n>` for n in 1..count, cart n updated n minutes before `newest` (so
 * `<prefix>-1` leads the listing), with the customers `customers(n)` gives.
 */
export function seedCarts(
	emulator: EpccEmulator,
	count: number,
	{ prefix = 'cart', newest = Date.now(), customers = () => [] }: { prefix?: string; newest?: number; customers?: (n: number) => string[] } = {},
): string[] {
	const ids: string[] = [];
	for (let n = 1; n <= count; n++) {
		emulator.state.addCart(`${prefix}-${n}`, { customers: customers(n), updatedAt: newest - n * MINUTE });
		ids.push(`${prefix}-${n}`);
	}
	return ids;
}

/** The `page[offset]` of each cart listing request the emulator received (checking each asked for 100 carts). */
export function listingOffsets(emulator: EpccEmulator): number[] {
	return emulator
		.apiRequests()
		.filter((request) => request.method === 'GET' && request.path === '/v2/carts')
		.map((request) => {
			const query = new URLSearchParams(request.query);
			expect(query.get('page[limit]')).toBe('100');
			return Number(query.get('page[offset]'));
		});
}
