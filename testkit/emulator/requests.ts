import type { Answer } from './jsonapi';
import { documented } from './jsonapi';
import type { AccessToken, StoreState } from './state';

export interface ApiRequest {
	method: string;
	path: string;
	query: string;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

export function header(request: ApiRequest, name: string): string | undefined {
	const value = request.headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

export function bearer(request: ApiRequest): string | undefined {
	const match = /^Bearer (.+)$/.exec(header(request, 'authorization') ?? '');
	return match?.[1];
}

export function decodeSegment(segment: string): string | undefined {
	try {
		return decodeURIComponent(segment);
	} catch {
		return undefined;
	}
}

export function isAnswer(value: unknown): value is Answer {
	return typeof value === 'object' && value !== null && 'status' in value;
}

/** Whom a request acts as: an administrator (client_credentials), one customer or one account. */
export type Acting = { kind: 'admin' } | { kind: 'customer'; id: string } | { kind: 'account'; id: string };

const TOKEN_HEADERS = {
	customer: 'x-moltin-customer-token',
	account: 'ep-account-management-authentication-token',
} as const;

/**
 * The customer token (X-Moltin-Customer-Token) or account token
 * (EP-Account-Management-Authentication-Token) the request carries, among those `accepted`,
 * else the administrator for a client_credentials token; an unknown token or an implicit token
 * without one is refused.
 */
export function actingAs(
	state: StoreState,
	request: ApiRequest,
	access: AccessToken,
	accepted: Array<'customer' | 'account'>,
): Acting | Answer {
	for (const kind of accepted) {
		const token = header(request, TOKEN_HEADERS[kind]);
		if (!token) continue;
		const id = (kind === 'customer' ? state.customerTokens : state.accountTokens).get(token);
		return id ? { kind, id } : documented.noPermission(kind === 'customer' ? 'Customer' : 'Account');
	}
	return access.grant === 'client_credentials'
		? { kind: 'admin' }
		: documented.noPermission(accepted[0] === 'account' ? 'Account' : 'Customer');
}
