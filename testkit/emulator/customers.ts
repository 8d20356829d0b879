import type { Directory } from './directory';
import { applyFilter } from './filters';
import type { Answer } from './jsonapi';
import { documented, errorAnswer } from './jsonapi';
import { pagedAnswer } from './listing';
import type { ApiRequest } from './requests';
import { actingAs, isAnswer } from './requests';
import type { AccessToken, StoreState } from './state';

const iso = (ms: number) => new Date(ms).toISOString();

function customerResource(directory: Directory, id: string) {
	const { name, email, external_ref, createdAt, updatedAt } = directory.customer(id);
	return {
		type: 'customer',
		id,
		name,
		email,
		password: false,
		...(external_ref ? { external_ref } : {}),
		meta: { timestamps: { created_at: iso(createdAt), updated_at: iso(updatedAt) } },
	};
}

/** Customers are an administrator's to list and read: a Client Credentials token. */
function refusedUnlessAdmin(access: AccessToken): Answer | undefined {
	return access.grant === 'client_credentials' ? undefined : errorAnswer(403, 'Forbidden', 'You do not have permission to access customers');
}

/** GET `/v2/customers`: paged, `filter` with `eq` / `like` on email, name and external_ref. */
export function listCustomers(state: StoreState, request: ApiRequest, access: AccessToken): Answer {
	const refused = refusedUnlessAdmin(access);
	if (refused) return refused;
	const profiles = [...state.customers].map((id) => state.directory.customer(id));
	const query = new URLSearchParams(request.query);
	const kept = applyFilter(query.get('filter'), profiles, { email: 'text', name: 'text', external_ref: 'text' });
	if (isAnswer(kept)) return kept;
	return pagedAnswer(request, kept, (profile) => customerResource(state.directory, profile.id));
}

/** GET `/v2/customers/{customerId}`: 404 when there is no such customer; a customer token reads its own customer only. */
export function getCustomer(state: StoreState, request: ApiRequest, access: AccessToken, customerId: string): Answer {
	const acting = actingAs(state, request, access, ['customer']);
	if (isAnswer(acting)) return acting;
	if (acting.kind === 'customer' && acting.id !== customerId) return documented.noPermission('Customer');
	if (!state.customers.has(customerId)) return documented.notFound('Customer');
	return { status: 200, body: { data: customerResource(state.directory, customerId) } };
}
