import type {
	IExecuteFunctions,
	INodeCredentialDescription,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import * as accountCartAssociation from './actions/accountCartAssociation';
import * as cart from './actions/cart';
import * as customerCartAssociation from './actions/customerCartAssociation';
import type { Resource } from './actions/router';
import { router } from './actions/router';
import type { SelectorOf } from './actions/shared/fields';
import { requestSettingsDescription } from './actions/shared/requestSettings';
import { MAIN, USABLE_AS_TOOL } from './host';
import type { CREDENTIAL_TYPE } from './transport';

/** The node's credential is the one the transport signs requests with (written out here for n8n's checks, which read it as a string). */
type ElasticPathDescription = INodeTypeDescription & {
	credentials: Array<INodeCredentialDescription & { name: typeof CREDENTIAL_TYPE }>;
};

export class ElasticPath implements INodeType {
	description: ElasticPathDescription = {
		displayName: 'Elastic Path',
		name: 'elasticPath',
		icon: { light: 'file:../../icons/elasticpath.svg', dark: 'file:../../icons/elasticpath.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'List and delete carts and manage their customers and accounts in Elastic Path Commerce Cloud',
		defaults: { name: 'Elastic Path' },
		usableAsTool: USABLE_AS_TOOL,
		inputs: [MAIN],
		outputs: [MAIN],
		credentials: [{ name: 'elasticPathApi', required: true }],
		properties: [
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
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
