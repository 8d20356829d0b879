import type { Answer } from './jsonapi';
import { documented, errorAnswer } from './jsonapi';
import type { ApiRequest } from './requests';
import { actingAs, isAnswer } from './requests';
import type { AccessToken, StoreState } from './state';

export type RelationshipKind = 'customers' | 'accounts';

const RELATED = {
	customers: { type: 'customer', who: 'Customer' },
	accounts: { type: 'account', who: 'Account' },
} as const;

export interface AssociationSettings {
	/** Elastic Path does not document what removing a missing association answers. */
	deleteMissingAssociation: 204 | 404;
}

/** POST / DELETE `/v2/carts/{cartId}/relationships/customers|accounts`, one related object per request. */
export function association(
	state: StoreState,
	settings: AssociationSettings,
	request: ApiRequest,
	access: AccessToken,
	cartId: string,
	kind: RelationshipKind,
): Answer {
	const { type, who } = RELATED[kind];
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

	const cart = state.carts.get(cartId);
	if (!cart) return documented.notFound('Cart');
	const set = kind === 'customers' ? cart.customers : cart.accounts;

	// A customer token acts for its customer only, an account token for its account only.
	const acting = actingAs(state, request, access, [type]);
	if (isAnswer(acting)) return acting;
	if (acting.kind !== 'admin') {
		const ownsCart = set.has(acting.id) || (request.method === 'POST' && set.size === 0);
		if (acting.id !== related.id || !ownsCart) return documented.noPermission(who);
	}

	if (request.method === 'POST') {
		if (cart.contactEmail) return documented.contactEmails(kind);
		const known = kind === 'customers' ? state.customers : state.accounts;
		if (!known.has(related.id)) return documented.notFound(who);
		if (set.has(related.id)) return { status: 204 };
		set.add(related.id);
		state.touch(cart);
		return { status: 200, body: { data: [{ type, id: related.id }] } };
	}
	if (!set.has(related.id) && settings.deleteMissingAssociation === 404) {
		return errorAnswer(404, 'Not Found', `${type} is not associated with this cart`);
	}
	set.delete(related.id);
	state.touch(cart);
	return { status: 204 };
}
