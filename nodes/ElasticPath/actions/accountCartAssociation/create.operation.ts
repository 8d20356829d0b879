import { associationOperation } from '../shared/cartAssociation';
import { ACCOUNT_ASSOCIATION } from './common';

export const { description, execute, identify } = associationOperation(ACCOUNT_ASSOCIATION, 'create');
