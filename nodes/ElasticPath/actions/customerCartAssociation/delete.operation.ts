import { associationOperation } from '../shared/cartAssociation';
import { CUSTOMER_ASSOCIATION } from './common';

export const { description, execute, identify } = associationOperation(CUSTOMER_ASSOCIATION, 'delete');
