import type { AssociationKind } from '../shared/cartAssociation';
import { accountTokenOption } from '../shared/tokens';

const RESOURCE = 'accountCartAssociation';

export const ACCOUNT_ASSOCIATION: AssociationKind = {
	resource: RESOURCE,
	type: 'account',
	title: 'Account',
	withArticle: 'an account',
	relationship: 'accounts',
	related: {
		name: 'accountId',
		label: 'Account ID',
		placeholder: 'e.g. c24e5698-3b54-491b-9225-559c7a9cf2b2',
		description: 'ID of the account',
	},
	tokenOption: accountTokenOption,
	notFound: 'cart, account or association not found',
};
