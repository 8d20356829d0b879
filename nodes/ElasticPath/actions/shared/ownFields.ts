import type { IDataObject } from 'n8n-workflow';

/**
 * An output of the node: `own` (its IDs), then what Elastic Path answered, with `own` winning
 * over same-named fields of the answer (a cleanup that deletes `{{ $json.cartId }}` must not
 * act on a cart the answer names), and still first in the item.
 */
export function withOwnFields(own: IDataObject, answered: IDataObject): IDataObject {
	return { ...own, ...answered, ...own };
}
