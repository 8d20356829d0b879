import { listAccounts } from './accounts';
import type { AssociationSettings, RelationshipKind } from './associations';
import { association } from './associations';
import type { CartListSettings } from './carts';
import { deleteCart, getCart, getCartItems, listCarts } from './carts';
import type { IntegrationStore } from './integrations';
import { getCustomer, listCustomers } from './customers';
import type { Answer } from './jsonapi';
import { documented, errorAnswer } from './jsonapi';
import { getOrder, listOrders } from './orders';
import type { ApiRequest } from './requests';
import { bearer, decodeSegment } from './requests';
import type { AccessToken, StoreState } from './state';

export type { ApiRequest } from './requests';

export interface ApiSettings extends AssociationSettings, CartListSettings {
	tokenLifetimeSeconds: number;
}

/** The emulator's API settings: what the options set, the documented (or most faithful) behaviour otherwise. */
export function apiSettings(options: Partial<ApiSettings>): ApiSettings {
	return {
		tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
		deleteMissingAssociation: options.deleteMissingAssociation ?? 204,
		beyondMaxOffset: options.beyondMaxOffset ?? 'refuse',
	};
}

/** The Elastic Path endpoints the node uses, answering as the API facts say. */
export class EpccApi {
	constructor(
		private readonly state: StoreState,
		private readonly settings: ApiSettings,
		private readonly integrations: IntegrationStore,
	) {}

	handle(request: ApiRequest): Answer {
		if (request.path === '/oauth/access_token' && request.method === 'POST') return this.token(request);

		const access = this.state.validAccessToken(bearer(request));
		if (!access) return documented.unauthorized();

		const directory = this.directoryRoute(request, access);
		if (directory) return directory;
		const orders = this.orderRoute(request, access);
		if (orders) return orders;

		const [root, version, carts, rawCartId, relationships, kind, ...rest] = request.path.split('/');
		if (root === '' && version === 'v2' && carts === 'integrations') {
			return this.integrations.handle(request, access, request.path.split('/').slice(3));
		}
		if (root !== '' || version !== 'v2' || carts !== 'carts' || rest.length > 0) return this.noRoute(request);
		if (rawCartId === undefined) {
			return request.method === 'GET' ? listCarts(this.state, this.settings, request, access) : this.noRoute(request);
		}
		const cartId = decodeSegment(rawCartId);
		if (cartId === undefined) return documented.notFound('Cart');
		if (relationships === undefined) {
			if (request.method === 'GET') return getCart(this.state, request, access, cartId);
			if (request.method === 'DELETE') return deleteCart(this.state, request, access, cartId);
			return this.noRoute(request);
		}
		if (relationships === 'items' && kind === undefined) {
			return request.method === 'GET' ? getCartItems(this.state, request, access, cartId) : this.noRoute(request);
		}
		if (
			relationships === 'relationships' &&
			(kind === 'customers' || kind === 'accounts') &&
			(request.method === 'POST' || request.method === 'DELETE')
		) {
			return association(this.state, this.settings, request, access, cartId, kind as RelationshipKind);
		}
		return this.noRoute(request);
	}

	/** `GET /v2/customers`, `GET /v2/customers/{id}` and `GET /v2/accounts`; `undefined` for any other path. */
	private directoryRoute(request: ApiRequest, access: AccessToken): Answer | undefined {
		const [root, version, collection, rawId, ...rest] = request.path.split('/');
		if (root !== '' || version !== 'v2' || (collection !== 'customers' && collection !== 'accounts') || rest.length) return undefined;
		if (request.method !== 'GET') return this.noRoute(request);
		if (collection === 'accounts') return rawId === undefined ? listAccounts(this.state, request, access) : this.noRoute(request);
		if (rawId === undefined) return listCustomers(this.state, request, access);
		const customerId = decodeSegment(rawId);
		return customerId === undefined ? documented.notFound('Customer') : getCustomer(this.state, request, access, customerId);
	}

	/** `GET /v2/orders` and `GET /v2/orders/{id}`; `undefined` for any other path. */
	private orderRoute(request: ApiRequest, access: AccessToken): Answer | undefined {
		const [root, version, collection, rawId, ...rest] = request.path.split('/');
		if (root !== '' || version !== 'v2' || collection !== 'orders') return undefined;
		if (request.method !== 'GET' || rest.length) return this.noRoute(request);
		if (rawId === undefined) return listOrders(this.state, this.settings, request, access);
		const orderId = decodeSegment(rawId);
		return orderId === undefined ? errorAnswer(404, 'Not Found', 'Order not found') : getOrder(this.state, request, access, orderId);
	}

	private noRoute(request: ApiRequest): Answer {
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
}
