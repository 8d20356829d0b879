/* eslint-disable @n8n/community-nodes/no-restricted-imports -- the harness reads the example templates from disk */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { atLeast, REPO } from './n8nProcess';

export const EXAMPLES = path.join(REPO, 'examples');

/** The credential every template's Elastic Path nodes refer to; importing one with this ID makes them run. */
export const TEMPLATE_CREDENTIAL = { id: 'epccCredential01', name: 'Elastic Path account' };

export interface TemplateNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	onError?: string;
	webhookId?: string;
}

export interface Workflow {
	id?: string;
	name: string;
	nodes: TemplateNode[];
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

export interface Template {
	/** File name in examples/. */
	file: string;
	workflow: Workflow;
}

/** Every template in examples/ (or another folder of workflow files), one file each. */
export function loadTemplates(folder = EXAMPLES): Template[] {
	return readdirSync(folder)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as Workflow }));
}

/**
 * The templates as they were saved with version 1 of the node (test/fixtures/saved-version-1):
 * the workflows users saved before version 2 must run unchanged.
 */
export const SAVED_VERSION_1 = path.join(REPO, 'test', 'fixtures', 'saved-version-1');

export function loadTemplate(file: string): Template {
	const template = loadTemplates().find((t) => t.file === file);
	if (!template) throw new Error(`No template examples/${file}`);
	return template;
}

/** A stable workflow ID for a template (n8n 1.x's CLI takes IDs of at most 16 characters); `prefix` keeps other copies apart. */
export function templateWorkflowId(file: string, prefix = 'ex'): string {
	return `${prefix}${createHash('sha1').update(file).digest('hex').slice(0, 16 - prefix.length)}`;
}

/** The template as `n8n import:workflow` takes it, with its stable ID. */
export function forImport(template: Template, prefix?: string): Workflow {
	return { ...template.workflow, id: templateWorkflowId(template.file, prefix) };
}

/**
 * Templates that need a newer n8n than the package's floor, and why. The README's compatibility
 * table says the same; the tests skip these templates on older versions.
 */
export const TEMPLATE_MINIMUM_N8N: Record<string, { version: string; why: string }> = {
	'ai-agent-cart-assistant.json': {
		version: '1.123.0',
		why: 'its AI Agent (version 2.2) and community nodes as agent tools are newer than n8n 1.60',
	},
};

/** Whether n8n `version` can run `template`. */
export function runsOn(template: Template, version: string): boolean {
	const minimum = TEMPLATE_MINIMUM_N8N[template.file]?.version;
	return minimum === undefined || atLeast(version, minimum);
}

export const TRIGGER_TYPE = 'n8n-nodes-elasticpath.elasticPathTrigger';

export const ELASTIC_PATH_TYPES = ['n8n-nodes-elasticpath.elasticPath', 'n8n-nodes-elasticpath.elasticPathTool', TRIGGER_TYPE];

/** "type@version" of every node, as n8n's type list names them. */
export function nodeTypesOf(workflow: Workflow): string[] {
	return [...new Set(workflow.nodes.map((node) => `${node.type}@${node.typeVersion}`))];
}

/** `n8n execute` starts at a Manual Trigger; other templates are exercised through their own trigger. */
export function runsFromCli(workflow: Workflow): boolean {
	return workflow.nodes.some((node) => node.type === 'n8n-nodes-base.manualTrigger');
}

export function nodeByType(workflow: Workflow, type: string): TemplateNode {
	const node = workflow.nodes.find((n) => n.type === type);
	if (!node) throw new Error(`${workflow.name} has no ${type} node`);
	return node;
}

/** An Elastic Path credential with the templates' ID, for `n8n import:credentials`. */
export function elasticPathCredential(data: { baseUrl: string; clientId: string; clientSecret: string }) {
	return {
		...TEMPLATE_CREDENTIAL,
		type: 'elasticPathApi',
		data: { region: 'custom', baseUrl: data.baseUrl, authType: 'clientCredentials', clientId: data.clientId, clientSecret: data.clientSecret },
	};
}
