import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';

import { router } from './actions/router';
import type { ElasticPathDescription } from './description';
import { sharedDescription, version1Properties } from './description';
import { USABLE_AS_TOOL } from './n8nCompatibility';

/** Version 1, as saved workflows have it: string ID fields, full carts, outputs as they always were. */
export class ElasticPathV1 implements INodeType {
	description: ElasticPathDescription = {
		icon: { light: 'file:../../icons/elasticpath.svg', dark: 'file:../../icons/elasticpath.dark.svg' },
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		usableAsTool: USABLE_AS_TOOL,
		...sharedDescription,
		properties: version1Properties(),
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
