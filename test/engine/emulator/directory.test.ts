import { DEFAULT_CLIENT } from '../../../testkit/emulator/EpccEmulator';
import { useEmulator } from '../fixtures';

/** The emulator's customer and account listings, as the API facts describe them (the locator tests rely on them). */
describe('emulator: /v2/customers and /v2/accounts', () => {
	const emulator = useEmulator();

	async function get(path: string, grant: 'client_credentials' | 'implicit' = 'client_credentials') {
		const form = new URLSearchParams({ grant_type: grant, client_id: DEFAULT_CLIENT.clientId, client_secret: DEFAULT_CLIENT.clientSecret });
		const token = (await (await fetch(`${emulator().baseUrl}/oauth/access_token`, { method: 'POST', body: form })).json()) as { access_token: string };
		const answer = await fetch(`${emulator().baseUrl}${path}`, { headers: { Authorization: `Bearer ${token.access_token}` } });
		return { status: answer.status, body: (await answer.json()) as { data: Array<Record<string, unknown>>; meta: { results: { total: number } } } };
	}
	const ids = (body: { data: Array<Record<string, unknown>> }) => body.data.map((entry) => entry.id);

	beforeEach(() => {
		const { state } = emulator();
		state.addCustomer('c1', { name: 'Ron Swanson', email: 'ron@example.com', external_ref: 'crm-1' });
		state.addCustomer('c2', { name: 'Leslie Knope', email: 'leslie@example.com' });
		state.addAccount('a1', { name: 'Swan Ltd', legal_name: 'Swan Limited', registration_id: 'R-9', updatedAt: 2 });
		state.addAccount('a2', { name: 'Acme', legal_name: 'Acme Inc', updatedAt: 1 });
	});

	it.each([
		['eq(email,ron@example.com)', ['c1']],
		['like(email,*example.com)', ['c1', 'c2']],
		['like(name,*KNOPE*)', ['c2']],
		['eq(external_ref,crm-1)', ['c1']],
		['eq(email,RON@example.com)', []],
	])('filters customers with %s', async (filter, expected) => {
		const { status, body } = await get(`/v2/customers?filter=${encodeURIComponent(filter)}`);
		expect([status, ids(body)]).toEqual([200, expected]);
	});

	it('pages customers and reports the total; reads one, 404 when missing; refuses a filter it cannot read', async () => {
		const page = await get('/v2/customers?page[limit]=1&page[offset]=1');
		expect([ids(page.body), page.body.meta.results.total]).toEqual([['c2'], 2]);
		expect((await get('/v2/customers/c1')).body.data).toMatchObject({ type: 'customer', id: 'c1', email: 'ron@example.com', name: 'Ron Swanson' });
		expect((await get('/v2/customers/nobody')).status).toBe(404);
		expect((await get('/v2/customers?filter=gt(email,a)')).status).toBe(400);
		expect((await get('/v2/customers', 'implicit')).status).toBe(403);
	});

	it('filters and sorts accounts', async () => {
		expect(ids((await get('/v2/accounts?sort=name')).body)).toEqual(['a2', 'a1']);
		expect(ids((await get('/v2/accounts?sort=-updated_at')).body)).toEqual(['a1', 'a2']);
		expect(ids((await get(`/v2/accounts?filter=${encodeURIComponent('like(legal_name,*limited*)')}`)).body)).toEqual(['a1']);
		expect(ids((await get(`/v2/accounts?filter=${encodeURIComponent('eq(registration_id,R-9)')}`)).body)).toEqual(['a1']);
		expect((await get('/v2/accounts?sort=colour')).status).toBe(400);
	});
});
