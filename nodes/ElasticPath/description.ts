import type { INodeCredentialDescription, INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import * as accountCartAssociation from './actions/accountCartAssociation';
import * as cart from './actions/cart';
import * as customerCartAssociation from './actions/customerCartAssociation';
import type { Resource } from './actions/router';
import type { SelectorOf } from './actions/shared/fields';
import { requestSettingsDescription } from './actions/shared/requestSettings';
import { MAIN } from './n8nCompatibility';
import type { CREDENTIAL_TYPE } from './transport';

/** The node's credential is the one the transport signs requests with (written out here for n8n's checks, which read it as a string). */
export type ElasticPathDescription = INodeTypeDescription & {
	credentials: Array<INodeCredentialDescription & { name: typeof CREDENTIAL_TYPE }>;
};

/** Version 1's parameters, exactly as saved workflows know them. */
export function version1Properties(): INodeProperties[] {
	return [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Account Cart Association', value: 'accountCartAssociation' },
				{ name: 'Cart', value: 'cart' },
				{ name: 'Customer Cart Association', value: 'customerCartAssociation' },
			],
			default: 'customerCartAssociation',
		} satisfies SelectorOf<Resource>,
		...customerCartAssociation.description,
		...accountCartAssociation.description,
		...cart.description,
		requestSettingsDescription,
	];
}

/** The node's type name (saved workflows hold it as `n8n-nodes-elasticpath.elasticPath`). */
export const NODE_NAME = 'elasticPath';

/** What both versions' descriptions share besides what n8n's checks read from each (name, icon, subtitle, usableAsTool) and their parameters. */
export const sharedDescription = {
	displayName: 'Elastic Path',
	name: NODE_NAME,
	group: ['transform'],
	description: 'List and delete carts and manage their customers and accounts in Elastic Path Commerce Cloud',
	defaults: { name: 'Elastic Path' },
	inputs: [MAIN],
	outputs: [MAIN],
	credentials: [{ name: 'elasticPathApi', required: true }],
} satisfies Partial<ElasticPathDescription>;
