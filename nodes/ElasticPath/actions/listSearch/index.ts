import { SEARCH_METHOD } from '../shared/locators';
import { searchAccounts } from './searchAccounts';
import { searchCarts } from './searchCarts';
import { searchCustomers } from './searchCustomers';

/** The node's `methods.listSearch`: the "From List" modes of its resource locators, by the names the modes give. */
export const listSearch = {
	[SEARCH_METHOD.carts]: searchCarts,
	[SEARCH_METHOD.customers]: searchCustomers,
	[SEARCH_METHOD.accounts]: searchAccounts,
};
