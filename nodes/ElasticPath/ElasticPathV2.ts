import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';

import { listSearch } from './actions/listSearch';
import { router } from './actions/router';
import type { ElasticPathDescription } from './description';
import { sharedDescription, version1Properties } from './description';
import { USABLE_AS_TOOL } from './n8nCompatibility';
import { version2Properties } from './version2Properties';

/** Version 2: carts, customers and accounts picked from a list, by ID or (customers) by email; Simplify on cart reads. */
export class ElasticPathV2 implements INodeType {
	description: ElasticPathDescription = {
		icon: { light: 'file:../../icons/elasticpath.svg', dark: 'file:../../icons/elasticpath.dark.svg' },
		version: 2,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		usableAsTool: USABLE_AS_TOOL,
		...sharedDescription,
		properties: version2Properties(version1Properties()),
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
