import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { epccRequest } from '../../transport';
import type { ItemOperation } from '../runItems';
import type { SelectorOf } from './fields';
import { CART_ID, cartIdField, optionsCollection, showFor } from './fields';
import type { IdField } from './ids';
import { idForReport, requiredId } from './ids';
import type { CartRelationship } from './paths';
import { cartRelationshipPath } from './paths';
import { relationshipBody } from './relationships';
import { tokenHeaders } from './tokens';
import { isVersion2 } from './version';

/** What differs between a cart's customer association and its account association. */
export interface AssociationKind {
	resource: string;
	type: 'customer' | 'account';
	relationship: CartRelationship;
	/** How the UI names the related object: "Customer" / "a customer". */
	title: string;
	withArticle: string;
	/** The related ID field; its name is also the key in the output. */
	related: IdField & { placeholder: string; description: string };
	tokenOption: INodeProperties;
	/** What a 404 may mean, for the "Treat Not Found as Success" option. */
	notFound: string;
}

/** Add (create) or remove (delete) the related customer or account. */
export type AssociationOperationName = 'create' | 'delete';

type AssociationOperation = ItemOperation & { description: INodeProperties[] };

/** The resource's operation selector: add (create) or remove (delete, the default). */
export function associationOperationSelector(kind: AssociationKind): SelectorOf<AssociationOperationName> {
	const operations: SelectorOf<AssociationOperationName>['options'] = [
		{
			name: `Add ${kind.title} To Cart`,
			value: 'create',
			description: `Associate ${kind.withArticle} with a cart`,
			action: `Add ${kind.withArticle} to a cart`,
		},
		{
			name: `Remove ${kind.title} From Cart`,
			value: 'delete',
			description: `Remove ${kind.withArticle}'s association with a cart`,
			action: `Remove ${kind.withArticle} from a cart`,
		},
	];
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [kind.resource] } },
		options: operations,
		default: 'delete',
	};
}

function fields(kind: AssociationKind, operation: AssociationOperationName): INodeProperties[] {
	const displayOptions = showFor(kind.resource, operation);
	const options = [kind.tokenOption];
	if (operation === 'delete') {
		options.push({
			displayName: 'Treat Not Found as Success',
			name: 'treatNotFoundAsSuccess',
			type: 'boolean',
			default: false,
			description: `Whether a 404 answer (${kind.notFound}) counts as removed, with "notFound": true in the output, instead of an error. Elastic Path does not document this case; turn it on for cleanups that may meet carts removed meanwhile.`,
		});
	}
	return [
		cartIdField(displayOptions),
		{
			displayName: kind.related.label,
			name: kind.related.name,
			type: 'string',
			required: true,
			default: '',
			placeholder: kind.related.placeholder,
			description: kind.related.description,
			displayOptions,
		},
		optionsCollection(displayOptions, options),
	];
}

/**
 * Add (POST) or remove (DELETE) one customer or account on one cart: IDs trimmed and
 * validated, the cart ID kept in its path segment, one related object per request.
 */
export function associationOperation(kind: AssociationKind, operation: AssociationOperationName): AssociationOperation {
	return {
		description: fields(kind, operation),

		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
			const cartId = await requiredId(this, itemIndex, CART_ID);
			const relatedId = await requiredId(this, itemIndex, kind.related);
			const result: IDataObject = { cartId, [kind.related.name]: relatedId, success: true };
			if (operation === 'delete' && isVersion2(this)) result.removed = true;
			const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
			// POST succeeds with 200 (the association, an empty body or null) or 204 (already associated).
			const response = await epccRequest.call(this, itemIndex, {
				method: operation === 'create' ? 'POST' : 'DELETE',
				path: cartRelationshipPath(cartId, kind.relationship),
				body: relationshipBody(kind.type, relatedId),
				headers: tokenHeaders(this, itemIndex, options),
				acceptStatuses: operation === 'delete' && options.treatNotFoundAsSuccess === true ? [404] : [],
				// Adding a customer or account already on the cart answers 204 and changes nothing, so
				// sending the add twice (after a reset or a timeout that hid the first answer) is harmless.
				idempotent: true,
			});
			if (response.statusCode === 404) result.notFound = true;
			return result;
		},

		identify(this: IExecuteFunctions, itemIndex: number): IDataObject {
			return { ...idForReport(this, itemIndex, CART_ID.name), ...idForReport(this, itemIndex, kind.related.name) };
		},
	};
}
