import type { AccountProfile } from './directory';
import { applyFilter } from './filters';
import type { Answer } from './jsonapi';
import { errorAnswer } from './jsonapi';
import { pagedAnswer } from './listing';
import type { ApiRequest } from './requests';
import { isAnswer } from './requests';
import type { AccessToken, StoreState } from './state';

const iso = (ms: number) => new Date(ms).toISOString();

function accountResource({ id, name, legal_name, registration_id, external_ref, createdAt, updatedAt }: AccountProfile) {
	return {
		type: 'account',
		id,
		name,
		legal_name,
		...(registration_id ? { registration_id } : {}),
		...(external_ref ? { external_ref } : {}),
		meta: { timestamps: { created_at: iso(createdAt), updated_at: iso(updatedAt) } },
	};
}

const SORTABLE: Record<string, (account: AccountProfile) => string | number> = {
	name: (account) => account.name.toLowerCase(),
	created_at: (account) => account.createdAt,
	updated_at: (account) => account.updatedAt,
};

/** `sort=name`, `-updated_at`, …: a leading `-` sorts descending. */
function sorted(accounts: AccountProfile[], sort: string | null): AccountProfile[] | Answer {
	if (!sort) return accounts;
	const descending = sort.startsWith('-');
	const key = SORTABLE[descending ? sort.slice(1) : sort];
	if (!key) return errorAnswer(400, 'Bad Request', `Cannot sort by "${sort}"`);
	const direction = descending ? -1 : 1;
	return [...accounts].sort((a, b) => (key(a) < key(b) ? -direction : key(a) > key(b) ? direction : 0));
}

/** GET `/v2/accounts`: paged, sortable, `filter` with `eq` / `like` on name, legal_name, registration_id and external_ref. */
export function listAccounts(state: StoreState, request: ApiRequest, access: AccessToken): Answer {
	if (access.grant !== 'client_credentials') {
		return errorAnswer(403, 'Forbidden', 'You do not have permission to access accounts');
	}
	const profiles = [...state.accounts].map((id) => state.directory.account(id));
	const query = new URLSearchParams(request.query);
	const kept = applyFilter(query.get('filter'), profiles, { name: 'text', legal_name: 'text', registration_id: 'text', external_ref: 'text' });
	if (isAnswer(kept)) return kept;
	const ordered = sorted(kept, query.get('sort'));
	if (isAnswer(ordered)) return ordered;
	return pagedAnswer(request, ordered, accountResource);
}
