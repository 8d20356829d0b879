import type { Answer } from './jsonapi';
import { documented, errorAnswer } from './jsonapi';
import type { AccessToken, Cart, StoreState } from './state';

export interface ApiSettings {
	tokenLifetimeSeconds: number;
	/** Elastic Path does not document what removing a missing association answers. */
	deleteMissingAssociation: 204 | 404;
}

export interface ApiRequest {
	method: string;
	path: string;
	query: string;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

type RelationshipKind = 'customers' | 'accounts';

const RELATED_TYPE: Record<RelationshipKind, 'customer' | 'account'> = { customers: 'customer', accounts: 'account' };

function header(request: ApiRequest, name: string): string | undefined {
	const value = request.headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

function bearer(request: ApiRequest): string | undefined {
	const match = /^Bearer (.+)$/.exec(header(request, 'authorization') ?? '');
	return match?.[1];
}

function decodeSegment(segment: string): string | undefined {
	try {
		return decodeURIComponent(segment);
	} catch {
		return undefined;
	}
}

function cartResource(cart: Cart) {
	return {
		type: 'cart',
		id: cart.id,
		name: cart.name,
		description: '',
		relationships: {
			customers: { data: [...cart.customers].map((id) => ({ type: 'customer', id })) },
			accounts: { data: [...cart.accounts].map((id) => ({ type: 'account', id })) },
			items: { data: null },
		},
		meta: {
			display_price: {},
			timestamps: {
				created_at: new Date(cart.createdAt).toISOString(),
				updated_at: new Date(cart.updatedAt).toISOString(),
				expires_at: new Date(cart.updatedAt + 7 * 24 * 3600 * 1000).toISOString(),
			},
		},
	};
}

/** The Elastic Path endpoints the node uses, answering as the API facts say. */
export class EpccApi {
	constructor(
		private readonly state: StoreState,
		private readonly settings: ApiSettings,
	) {}

	handle(request: ApiRequest): Answer {
		if (request.path === '/oauth/access_token' && request.method === 'POST') return this.token(request);

		const access = this.state.validAccessToken(bearer(request));
		if (!access) return documented.unauthorized();

		const segments = request.path.split('/');
		if (segments.length === 3 && segments[1] === 'v2' && segments[2] === 'carts' && request.method === 'GET') {
			return this.listCarts(request, access);
		}
		if (
			segments.length === 6 &&
			segments[1] === 'v2' &&
			segments[2] === 'carts' &&
			segments[4] === 'relationships' &&
			(segments[5] === 'customers' || segments[5] === 'accounts') &&
			(request.method === 'POST' || request.method === 'DELETE')
		) {
			const cartId = decodeSegment(segments[3]);
			if (cartId === undefined) return documented.notFound('Cart');
			return this.association(request, access, cartId, segments[5] as RelationshipKind);
		}
		return errorAnswer(404, 'Not Found', `No route for ${request.method} ${request.path}`);
	}

	private token(request: ApiRequest): Answer {
		const form = new URLSearchParams(request.body);
		const grant = form.get('grant_type');
		const client = this.state.clients.find((c) => c.clientId === form.get('client_id'));
		if (grant !== 'client_credentials' && grant !== 'implicit') {
			return errorAnswer(422, 'Unprocessable Entity', 'grant_type must be client_credentials or implicit');
		}
		if (!client || (grant === 'client_credentials' && client.clientSecret !== form.get('client_secret'))) {
			return errorAnswer(401, 'Unauthorized', 'Invalid client credentials');
		}
		const { token, expiresAt } = this.state.issueAccessToken(grant, client.clientId, this.settings.tokenLifetimeSeconds);
		return {
			status: 200,
			body: {
				identifier: grant,
				token_type: 'Bearer',
				expires_in: this.settings.tokenLifetimeSeconds,
				expires: Math.floor(expiresAt / 1000),
				access_token: token,
			},
		};
	}

	/** Which customer the request acts as: `null` for a client_credentials admin, an ID, or an error. */
	private actingCustomer(request: ApiRequest, access: AccessToken): string | null | Answer {
		const customerToken = header(request, 'x-moltin-customer-token');
		if (customerToken) {
			return this.state.customerTokens.get(customerToken) ?? documented.noPermission('Customer');
		}
		return access.grant === 'client_credentials' ? null : documented.noPermission('Customer');
	}

	private association(request: ApiRequest, access: AccessToken, cartId: string, kind: RelationshipKind): Answer {
		const type = RELATED_TYPE[kind];
		let payload: unknown;
		try {
			payload = JSON.parse(request.body);
		} catch {
			return documented.invalidPayload();
		}
		const data = (payload as { data?: unknown } | null)?.data;
		if (!Array.isArray(data)) return documented.invalidPayload();
		if (data.length > 1) return documented.moreThanOne(type);
		const related = data[0] as { type?: unknown; id?: unknown } | undefined;
		if (!related || related.type !== type) return documented.wrongType(type);
		if (typeof related.id !== 'string' || !related.id) {
			return errorAnswer(400, 'Validation Failed', 'data[0].id is required');
		}

		const cart = this.state.carts.get(cartId);
		if (!cart) return documented.notFound('Cart');
		const set = kind === 'customers' ? cart.customers : cart.accounts;

		if (kind === 'customers') {
			const acting = this.actingCustomer(request, access);
			if (acting !== null && typeof acting === 'object') return acting;
			if (typeof acting === 'string') {
				const ownsCart = cart.customers.has(acting) || (request.method === 'POST' && cart.customers.size === 0);
				if (acting !== related.id || !ownsCart) return documented.noPermission('Customer');
			}
		} else if (access.grant !== 'client_credentials' && !header(request, 'ep-account-management-authentication-token')) {
			return documented.noPermission('Account');
		}

		if (request.method === 'POST') {
			if (cart.contactEmail) return documented.contactEmails(kind);
			if (kind === 'customers' && !this.state.customers.has(related.id)) return documented.notFound('Customer');
			if (set.has(related.id)) return { status: 204 };
			set.add(related.id);
			cart.updatedAt = Date.now();
			return { status: 200, body: { data: [{ type, id: related.id }] } };
		}
		if (!set.has(related.id) && this.settings.deleteMissingAssociation === 404) {
			return errorAnswer(404, 'Not Found', `${type} is not associated with this cart`);
		}
		set.delete(related.id);
		cart.updatedAt = Date.now();
		return { status: 204 };
	}

	private listCarts(request: ApiRequest, access: AccessToken): Answer {
		const query = new URLSearchParams(request.query);
		const limit = Number(query.get('page[limit]') ?? 20);
		const offset = Number(query.get('page[offset]') ?? 0);
		if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
			return errorAnswer(400, 'Bad Request', 'page[limit] must be between 1 and 100');
		}
		if (!Number.isInteger(offset) || offset < 0 || offset > 10000) {
			return errorAnswer(400, 'Bad Request', 'page[offset] must be between 0 and 10000');
		}
		const acting = this.actingCustomer(request, access);
		if (acting !== null && typeof acting === 'object') return acting;
		const visible = [...this.state.carts.values()]
			.filter((cart) => (typeof acting === 'string' ? cart.customers.has(acting) : true))
			.sort((a, b) => b.updatedAt - a.updatedAt);
		const page = visible.slice(offset, offset + limit);
		return {
			status: 200,
			body: {
				data: page.map(cartResource),
				links: {},
				meta: {
					page: { limit, offset, current: Math.floor(offset / limit) + 1, total: Math.ceil(visible.length / limit) },
					results: { total: visible.length },
				},
			},
		};
	}
}
