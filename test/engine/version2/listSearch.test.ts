import { runListSearch } from '../../../testkit/engine/listSearch';
import { clientCredentials, implicitCredentials, MINUTE, seedCarts, useEmulator } from '../fixtures';

/** The "From List" modes, through n8n-core's LoadOptionsContext as the editor's backend runs them. */
describe('list search (version 2 resource locators)', () => {
	const emulator = useEmulator();

	const listingQueries = (path: string) =>
		emulator()
			.apiRequests()
			.filter((request) => request.path === path)
			.map((request) => Object.fromEntries(new URLSearchParams(request.query)));

	describe('Cart', () => {
		it('lists carts newest first, showing name, ID and last update, the ID as the value', async () => {
			const newest = Date.parse('2026-11-20T10:30:00Z');
			seedCarts(emulator(), 3, { newest });

			const { results, paginationToken } = await runListSearch({ method: 'searchCarts', credentials: clientCredentials(emulator()) });

			expect(results.map((r) => r.value)).toEqual(['cart-1', 'cart-2', 'cart-3']);
			expect(results[0].name).toBe('Cart cart-1 · cart-1 · updated 2026-11-20 10:29 UTC');
			expect(paginationToken).toBeUndefined();
			expect(listingQueries('/v2/carts')).toEqual([{ 'page[limit]': '100', 'page[offset]': '0' }]);
		});

		it('pages with n8n\'s paginationToken: the next offset, until the last page', async () => {
			seedCarts(emulator(), 130);

			const first = await runListSearch({ method: 'searchCarts', credentials: clientCredentials(emulator()) });
			const second = await runListSearch({
				method: 'searchCarts',
				credentials: clientCredentials(emulator()),
				paginationToken: first.paginationToken as string,
			});

			expect(first.results).toHaveLength(100);
			expect(first.paginationToken).toBe('100');
			expect(second.results.map((r) => r.value)).toEqual(Array.from({ length: 30 }, (_, i) => `cart-${101 + i}`));
			expect(second.paginationToken).toBeUndefined();
		});

		it('matches a search text against the names and IDs of the carts read (the API cannot filter carts)', async () => {
			seedCarts(emulator(), 3);
			emulator().state.addCart('black-friday-7', { updatedAt: Date.now() - 10 * MINUTE });

			const { results } = await runListSearch({ method: 'searchCarts', credentials: clientCredentials(emulator()), filter: ' FRIDAY ' });

			expect(results.map((r) => r.value)).toEqual(['black-friday-7']);
		});
	});

	describe('Customer', () => {
		beforeEach(() => {
			const { state } = emulator();
			state.addCustomer('cust-ada', { name: 'Ada Lovelace', email: 'ada@example.com' });
			state.addCustomer('cust-grace', { name: 'Grace Hopper', email: 'grace@navy.example' });
			state.addCustomer('cust-alan', { name: 'Alan Turing', email: 'alan@example.com' });
		});

		it('lists every customer as "name <email>" without a search text', async () => {
			const { results } = await runListSearch({ method: 'searchCustomers', credentials: clientCredentials(emulator()), path: 'customerId' });

			expect(results).toEqual([
				{ name: 'Ada Lovelace <ada@example.com>', value: 'cust-ada' },
				{ name: 'Grace Hopper <grace@navy.example>', value: 'cust-grace' },
				{ name: 'Alan Turing <alan@example.com>', value: 'cust-alan' },
			]);
		});

		it('searches the email with like(email,*…*) when the text holds an "@"', async () => {
			const { results } = await runListSearch({ method: 'searchCustomers', credentials: clientCredentials(emulator()), filter: '@example.com' });

			expect(results.map((r) => r.value)).toEqual(['cust-ada', 'cust-alan']);
			expect(listingQueries('/v2/customers')).toEqual([{ filter: 'like(email,*@example.com*)', 'page[limit]': '100', 'page[offset]': '0' }]);
		});

		it('searches name and email otherwise, merging both without repeats', async () => {
			const { results } = await runListSearch({ method: 'searchCustomers', credentials: clientCredentials(emulator()), filter: 'grace' });

			expect(results.map((r) => r.value)).toEqual(['cust-grace']);
			expect(listingQueries('/v2/customers').map((q) => q.filter).sort()).toEqual(['like(email,*grace*)', 'like(name,*grace*)']);
		});

		it('leaves out of the filter the characters that would change its meaning', async () => {
			await runListSearch({ method: 'searchCustomers', credentials: clientCredentials(emulator()), filter: 'a*d(a),:' });

			expect(listingQueries('/v2/customers').map((q) => q.filter).sort()).toEqual(['like(email,*ada*)', 'like(name,*ada*)']);
		});

		it('fails with Elastic Path\'s answer when the credential may not list customers', async () => {
			await expect(
				runListSearch({ method: 'searchCustomers', credentials: implicitCredentials(emulator()) }),
			).rejects.toThrow('Elastic Path answered 403: Forbidden: You do not have permission to access customers');
		});
	});

	describe('Account', () => {
		it('lists accounts sorted by name and searches them with like(name,*…*)', async () => {
			const { state } = emulator();
			state.addAccount('acc-3', { name: 'Swan Ltd', legal_name: 'Swan Limited' });
			state.addAccount('acc-1', { name: 'Acme', legal_name: 'Acme' });
			state.addAccount('acc-2', { name: 'Black Swan', legal_name: 'Black Swan' });

			const all = await runListSearch({ method: 'searchAccounts', credentials: clientCredentials(emulator()), path: 'accountId' });
			const swans = await runListSearch({ method: 'searchAccounts', credentials: clientCredentials(emulator()), filter: 'swan' });

			expect(all.results).toEqual([
				{ name: 'Acme', value: 'acc-1' },
				{ name: 'Black Swan', value: 'acc-2' },
				{ name: 'Swan Ltd (Swan Limited)', value: 'acc-3' },
			]);
			expect(swans.results.map((r) => r.value)).toEqual(['acc-2', 'acc-3']);
			expect(listingQueries('/v2/accounts')[1]).toEqual({ sort: 'name', filter: 'like(name,*swan*)', 'page[limit]': '100', 'page[offset]': '0' });
		});
	});
});
