import type { INodeTypeBaseDescription, IVersionedNodeType } from 'n8n-workflow';
import { VersionedNodeType } from 'n8n-workflow';

import { ElasticPathV1 } from './ElasticPathV1';
import { ElasticPathV2 } from './ElasticPathV2';

const baseDescription: INodeTypeBaseDescription = {
	displayName: 'Elastic Path',
	name: 'elasticPath',
	icon: { light: 'file:../../icons/elasticpath.svg', dark: 'file:../../icons/elasticpath.dark.svg' },
	group: ['transform'],
	description: 'List and delete carts and manage their customers and accounts in Elastic Path Commerce Cloud',
	defaultVersion: 2,
};

/**
 * The Elastic Path node. Version 2 (resource locators, Simplify) is what new nodes get;
 * workflows saved with version 1 keep its parameters and run unchanged.
 */
export class ElasticPath extends VersionedNodeType {
	constructor() {
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new ElasticPathV1(),
			2: new ElasticPathV2(),
		};
		super(nodeVersions, baseDescription);
	}
}
