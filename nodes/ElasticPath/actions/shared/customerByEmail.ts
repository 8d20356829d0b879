import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { answerError, epccRequest } from '../../transport';
import { isExactlyFilterable, UNFILTERABLE_CHARACTERS } from './filterValues';
import type { IdField } from './idField';
import { itemFieldError } from './idField';
import { CUSTOMERS_PATH } from './paths';

function customersOf(body: unknown): Array<{ id: string }> {
	const data = (body as IDataObject | undefined)?.data;
	if (!Array.isArray(data)) return [];
	return data.filter((entry): entry is { id: string } => typeof (entry as IDataObject | null)?.id === 'string');
}

/** `meta.results.total`, when the answer says it. */
function reportedTotal(body: unknown): number | undefined {
	const meta = (body as IDataObject | undefined)?.meta as IDataObject | undefined;
	const total = (meta?.results as IDataObject | undefined)?.total;
	return typeof total === 'number' ? total : undefined;
}

/**
 * The ID of the one customer with this email (`GET /v2/customers?filter=eq(email,…)`). No
 * match, or several, is an error naming the item, the field and what was found.
 */
export async function customerIdByEmail(
	context: IExecuteFunctions,
	itemIndex: number,
	field: IdField,
	email: string,
): Promise<string> {
	const fail = (message: string, description: string) => itemFieldError(context, itemIndex, field, message, description);
	if (!email) {
		throw fail('The customer\'s email is empty', 'Set the email address, or check that the expression filling it returns a value for this item.');
	}
	if (!email.includes('@')) throw fail(`"${email}" is not an email address`, 'By Email takes a customer\'s email address.');
	if (!isExactlyFilterable(email)) {
		throw fail(
			`The email "${email}" cannot be looked up exactly: it holds one of ${UNFILTERABLE_CHARACTERS}`,
			"Elastic Path's filter does not quote values, so such an address would match other customers or none. Use By ID instead.",
		);
	}
	const response = await epccRequest.call(context, itemIndex, {
		method: 'GET',
		path: CUSTOMERS_PATH,
		qs: { filter: `eq(email,${email})`, 'page[limit]': 2 },
		acceptStatuses: [400, 403],
	});
	if (response.statusCode >= 400) {
		throw answerError(context, itemIndex, response, 'Looking customers up by email needs a Client Credentials credential.');
	}
	const found = customersOf(response.body);
	if (found.length === 1) return found[0].id;
	if (found.length === 0) {
		throw fail(`No customer has the email "${email}"`, 'Check the address, or pick the customer from the list.');
	}
	const total = reportedTotal(response.body);
	const count = total ?? `${found.length} or more`;
	const listed = found.map((customer) => customer.id).join(', ');
	throw fail(
		`${count} customers have the email "${email}" (${listed}${total !== undefined && total > found.length ? ', …' : ''})`,
		'An email must name exactly one customer to act on: use By ID to pick one of them.',
	);
}
