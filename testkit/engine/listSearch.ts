import { LoadOptionsContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, INodeListSearchResult, INodeParameters } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { additionalDataFor, CREDENTIAL_ID, newCredentialsHelper, NODE_TYPE, nodeTypes } from './runWorkflow';

export interface ListSearchOptions {
	/** The listSearch method a locator's "From List" mode names, e.g. `searchCarts`. */
	method: string;
	credentials: ICredentialDataDecryptedObject;
	/** The node's parameters as the editor sends them along (what n8n calls currentNodeParameters). */
	parameters?: INodeParameters;
	/** The parameter whose list is asked for, e.g. `cartId` or `filters.customerId`. */
	path?: string;
	filter?: string;
	paginationToken?: string;
	typeVersion?: number;
}

/**
 * Runs one of the node's `methods.listSearch` functions the way n8n's editor backend does
 * (`DynamicNodeParametersService.getResourceLocatorResults`): a one-node workflow, n8n-core's
 * `LoadOptionsContext` as `this`, with the credential store the executions use.
 */
export async function runListSearch(options: ListSearchOptions): Promise<INodeListSearchResult> {
	const typeVersion = options.typeVersion ?? 2;
	const nodeType = nodeTypes.getByNameAndVersion(NODE_TYPE, typeVersion);
	const method = nodeType.methods?.listSearch?.[options.method];
	if (!method) throw new Error(`The node has no listSearch method "${options.method}"`);
	const parameters = options.parameters ?? {};
	const workflow = new Workflow({
		nodes: [
			{
				id: 'temp',
				name: 'Temp-Node',
				type: NODE_TYPE,
				typeVersion,
				position: [0, 0],
				parameters,
				credentials: { elasticPathApi: { id: CREDENTIAL_ID, name: 'Elastic Path account' } },
			},
		],
		connections: {},
		active: false,
		nodeTypes,
	});
	const additionalData = additionalDataFor(newCredentialsHelper(options.credentials));
	additionalData.currentNodeParameters = parameters;
	const context = new LoadOptionsContext(workflow, workflow.getNode('Temp-Node')!, additionalData, options.path ?? 'cartId');
	return await method.call(context, options.filter, options.paginationToken);
}
