import type { AssociationKind } from '../shared/cartAssociation';
import { customerTokenOption } from '../shared/tokens';

const RESOURCE = 'customerCartAssociation';

export const CUSTOMER_ASSOCIATION: AssociationKind = {
	resource: RESOURCE,
	type: 'customer',
	title: 'Customer',
	withArticle: 'a customer',
	relationship: 'customers',
	related: {
		name: 'customerId',
		label: 'Customer ID',
		placeholder: 'e.g. b3f2b6de-8fd4-4cdf-a9d9-c5f7cecccdfe',
		description: 'ID of the customer',
	},
	tokenOption: customerTokenOption,
	notFound: 'cart, customer or association not found',
};
