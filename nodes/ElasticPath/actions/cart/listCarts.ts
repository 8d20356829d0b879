import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { answerError, epccRequest, summarizeErrorBody, titleAndDetail } from '../../transport';
import { CARTS_PATH } from '../shared/paths';
import type { EpccCart } from './cartResource';
import { asCart, cartOutput, relatedIds, timestampOf, withOwnFields } from './cartResource';
import type { CartFilters } from './filters';
import { matchesFilters } from './filters';
import { simplifiedCart } from './simplify';
import { DOCUMENTED_MAX_OFFSET, NewestFirstWatch, PAGE_LIMIT, readPage } from './paging';

export const LISTING_NEEDS =
	"Listing carts needs a Client Credentials credential (every cart, or only carts with a customer or account when the store setting show_all_carts is off), or a customer token (that customer's carts only) or an account token (that account's carts only). An Implicit credential without one of these tokens cannot list carts.";

function outputsFor(cart: EpccCart, { pairs, simplify, filters }: Wanted): IDataObject[] {
	const fields = simplify ? simplifiedCart(cart) : cartOutput(cart);
	const customerId = filters.customerId;
	if (!pairs) return [fields];
	// Filtered by customer, only that customer's pair: removing the others is not what was asked.
	const customers = customerId ? [customerId] : relatedIds(cart, 'customers');
	return customers.map((id) => withOwnFields({ cartId: cart.id, customerId: id }, fields));
}

interface Cut {
	offset: number;
	cartsRead: number;
	reportedTotal?: number;
	/** What Elastic Path answered at `offset`. */
	answer: string;
}

export function cutMessage(cut: Cut): string {
	const total = cut.reportedTotal !== undefined ? ` (Elastic Path reports a total of ${cut.reportedTotal})` : '';
	return `The cart listing was cut at offset ${cut.offset}: ${cut.answer}. ${cut.cartsRead} carts were read${total}; the carts after them, the least recently updated ones, were not read.`;
}

export const CUT_ADVICE = `Elastic Path documents page[offset] up to ${DOCUMENTED_MAX_OFFSET}. To reach older carts, make the listing shorter: turn the store setting show_all_carts off (Client Credentials then list only carts with a customer or account), or list per customer with a customer token. Deleting carts also shortens it for the next run.`;

interface Wanted {
	filters: CartFilters;
	pairs: boolean;
	/** Each cart as Simplify gives it instead of in full. */
	simplify: boolean;
	limit: number;
	headers: Record<string, string>;
}

/**
 * Lists carts page by page (100 at a time) and applies the filters, in sequence for one item.
 * Carts come newest `updated_at` first: "updated after" stops at the first older cart (when
 * the order held so far), "updated before" selects the tail, so it reads every page.
 */
export async function listCarts(
	this: IExecuteFunctions,
	itemIndex: number,
	wanted: Wanted,
): Promise<{ output: IDataObject[]; cut?: Cut }> {
	const { filters, limit, headers } = wanted;
	const output: IDataObject[] = [];
	const seen = new Set<string>();
	const order = new NewestFirstWatch();
	let reportedTotal: number | undefined;
	for (let offset = 0; ; ) {
		const beyondDocumented = offset > DOCUMENTED_MAX_OFFSET;
		const response = await epccRequest.call(this, itemIndex, {
			method: 'GET',
			path: CARTS_PATH,
			qs: { 'page[limit]': PAGE_LIMIT, 'page[offset]': offset },
			headers,
			acceptStatuses: beyondDocumented ? [400, 403, 422] : [400, 403],
		});
		if (response.statusCode >= 400) {
			if (!beyondDocumented || response.statusCode === 403) throw answerError(this, itemIndex, response, LISTING_NEEDS);
			const said = titleAndDetail(summarizeErrorBody(response.body));
			const answer = `Elastic Path refused the page (HTTP ${response.statusCode}${said ? `: ${said}` : ''})`;
			return { output, cut: { offset, cartsRead: seen.size, reportedTotal, answer } };
		}
		const page = readPage(response.body, offset);
		if (!page) {
			throw new NodeOperationError(this.getNode(), `Elastic Path answered the cart listing at offset ${offset} without a "data" list`, {
				itemIndex,
			});
		}
		reportedTotal = page.reportedTotal ?? reportedTotal;

		let fresh = 0;
		for (const entry of page.entries) {
			const cart = asCart(entry);
			if (!cart || seen.has(cart.id)) continue;
			seen.add(cart.id);
			fresh++;
			order.see(timestampOf(cart, 'updated_at'));
			if (matchesFilters(cart, filters)) output.push(...outputsFor(cart, wanted));
		}

		if (output.length >= limit) return { output: output.slice(0, limit) };
		if (!page.more) return { output };
		if (fresh === 0) {
			// Only carts already read: the API does not page further (e.g. it repeats its last allowed page).
			const answer = 'Elastic Path answered with carts already read';
			return { output, cut: { offset, cartsRead: seen.size, reportedTotal, answer } };
		}
		if (filters.updatedAfter !== undefined && order.allLaterAtOrBefore(filters.updatedAfter)) return { output };
		offset = page.nextOffset;
	}
}
