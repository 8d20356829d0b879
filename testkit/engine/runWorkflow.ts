/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test harness code runs in plain Node.js; the n8n Cloud rules are for the node */
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';
import { existsSync } from 'node:fs';
import path from 'node:path';

import { TestCredentialsHelper } from './credentialsHelper';
import { itemsNode, startNode } from './testNodes';

/** The package root (this file also runs compiled, from build/testkit/, in the benchmark and the soak). */
function packageRoot(): string {
	for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
		if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'nodes', 'ElasticPath'))) return dir;
	}
	throw new Error('Cannot find the package root');
}

/** The build to load: dist/, or another one (the benchmark's baseline, an earlier commit's build). */
export const DIST = process.env.EPCC_NODE_DIST ?? path.join(packageRoot(), 'dist');

/* The compiled package, as n8n loads it from dist/. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ElasticPath } = require(path.join(DIST, 'nodes/ElasticPath/ElasticPath.node.js')) as {
	ElasticPath: new () => IVersionedNodeType;
};
export { ElasticPath };
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { ElasticPathApi } = require(path.join(DIST, 'credentials/ElasticPathApi.credentials.js')) as {
	ElasticPathApi: new () => ICredentialType;
};

export const NODE_TYPE = 'n8n-nodes-elasticpath.elasticPath';
export const CREDENTIAL_ID = 'cred-1';

const nodeTypeMap: Record<string, INodeType | IVersionedNodeType> = {
	'test.start': startNode,
	'test.items': itemsNode,
	[NODE_TYPE]: new ElasticPath(),
	// n8n offers a node marked usableAsTool to AI agents under its type with "Tool" appended.
	[`${NODE_TYPE}Tool`]: new ElasticPath(),
};

/** Lets the benchmark run its own comparison node in place of the Elastic Path node. */
export function registerNodeType(type: string, node: INodeType | IVersionedNodeType): void {
	nodeTypeMap[type] = node;
}

/** The node type of one version, as n8n's node-types registry hands it out. */
function versionOf(type: INodeType | IVersionedNodeType, version?: number): INodeType {
	return 'nodeVersions' in type ? type.getNodeType(version) : type;
}

export const nodeTypes: INodeTypes = {
	getByName: (type: string): INodeType | IVersionedNodeType => nodeTypeMap[type],
	getByNameAndVersion: (type: string, version?: number): INodeType => versionOf(nodeTypeMap[type], version),
	getKnownTypes: () => ({}),
};

export interface RunOptions {
	/** Parameters of the Elastic Path node. */
	parameters: INodeParameters;
	/** The Elastic Path node's version: 1 (what the older tests and saved workflows use) unless given. */
	typeVersion?: number;
	items: IDataObject[];
	credentials: ICredentialDataDecryptedObject;
	/** Shorthand for `onError: 'continueRegularOutput'`. */
	continueOnFail?: boolean;
	/** The node's "On Error" setting (Settings tab); the default stops the workflow. */
	onError?: OnError;
	/** Shared store: pass the same helper to several runs to keep a fetched token, as n8n does. */
	credentialsHelper?: TestCredentialsHelper;
	mode?: WorkflowExecuteMode;
	/** Cancel the execution this long after it starts, as the Stop button does. */
	cancelAfterMs?: number;
	/** Another node type in the Elastic Path node's place (registered with registerNodeType). */
	nodeType?: string;
	/** Parameters of a second Elastic Path node ("Elastic Path 2") that takes the first one's output. */
	thenParameters?: INodeParameters;
	/** Called when a node starts and ends (the benchmark measures the Elastic Path node alone). */
	onNode?: (event: 'start' | 'end', nodeName: string) => void;
}

export type OnError = 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';

export interface RunResult {
	run: IRun;
	/** The Elastic Path node's output items (main output 0), empty when it failed. */
	output: INodeExecutionData[];
	/** The items of the error output (main output 1) that "Continue (using error output)" adds. */
	errorOutput: INodeExecutionData[];
	/** The Elastic Path node's error when the node failed. */
	error?: IRun['data']['resultData']['error'];
	credentialsHelper: TestCredentialsHelper;
}

export function newCredentialsHelper(credentials?: ICredentialDataDecryptedObject): TestCredentialsHelper {
	const helper = new TestCredentialsHelper({ elasticPathApi: new ElasticPathApi() });
	if (credentials) helper.set(CREDENTIAL_ID, { sessionToken: '', ...credentials });
	return helper;
}

/** What n8n hands the engine besides the workflow: here, just the credentials store and hooks. */
export function additionalDataFor(
	credentialsHelper: TestCredentialsHelper,
	hooks?: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		hooks,
		credentialsHelper,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		formBaseUrl: 'http://127.0.0.1:5678/form',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
		currentNodeExecutionIndex: 0,
		variables: {},
		executionId: 'exec-1',
		logAiEvent: () => {},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not used');
		},
		startRunnerTask: async () => {
			throw new Error('Task runners are not used');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

function onErrorOf(options: RunOptions): { onError?: OnError } {
	const onError = options.onError ?? (options.continueOnFail ? 'continueRegularOutput' : undefined);
	return onError ? { onError } : {};
}

/** Runs Start → Items → Elastic Path through n8n-core's WorkflowExecute, the engine n8n itself runs. */
export async function runWorkflow(options: RunOptions): Promise<RunResult> {
	const credentialsHelper = options.credentialsHelper ?? newCredentialsHelper(options.credentials);
	if (!credentialsHelper.get(CREDENTIAL_ID)) credentialsHelper.set(CREDENTIAL_ID, { sessionToken: '', ...options.credentials });

	const workflow = new Workflow({
		id: 'engine-test',
		name: 'Engine test',
		active: false,
		nodeTypes,
		nodes: [
			{ id: '1', name: 'Start', type: 'test.start', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: '2',
				name: 'Items',
				type: 'test.items',
				typeVersion: 1,
				position: [200, 0],
				parameters: { items: JSON.stringify(options.items) },
			},
			{
				id: '3',
				name: 'Elastic Path',
				type: options.nodeType ?? NODE_TYPE,
				typeVersion: options.typeVersion ?? 1,
				position: [400, 0],
				parameters: options.parameters,
				credentials: { elasticPathApi: { id: CREDENTIAL_ID, name: 'Elastic Path account' } },
				...onErrorOf(options),
			},
			...(options.thenParameters
				? [
						{
							id: '4',
							name: 'Elastic Path 2',
							type: NODE_TYPE,
							typeVersion: 1,
							position: [600, 0] as [number, number],
							parameters: options.thenParameters,
							credentials: { elasticPathApi: { id: CREDENTIAL_ID, name: 'Elastic Path account' } },
							...onErrorOf(options),
						},
					]
				: []),
		],
		connections: {
			Start: { main: [[{ node: 'Items', type: 'main', index: 0 }]] },
			Items: { main: [[{ node: 'Elastic Path', type: 'main', index: 0 }]] },
			...(options.thenParameters ? { 'Elastic Path': { main: [[{ node: 'Elastic Path 2', type: 'main', index: 0 }]] } } : {}),
		},
	});

	const mode = options.mode ?? 'manual';
	const hooks = new ExecutionLifecycleHooks(mode, 'exec-1', {
		id: 'engine-test',
		name: 'Engine test',
		active: false,
		activeVersionId: null,
		isArchived: false,
		nodes: workflow.nodes ? Object.values(workflow.nodes) : [],
		connections: {},
		createdAt: new Date(),
		updatedAt: new Date(),
	} as never);
	let finish: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (finish = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => finish(run));
	if (options.onNode) {
		const onNode = options.onNode;
		hooks.addHandler('nodeExecuteBefore', (nodeName) => onNode('start', nodeName));
		hooks.addHandler('nodeExecuteAfter', (nodeName) => onNode('end', nodeName));
	}

	const additionalData = additionalDataFor(credentialsHelper, hooks);

	const runExecutionData: IRunExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: workflow.getNode('Start')!, data: { main: [[{ json: {} }]] }, source: null }],
		},
	});

	const execution = new WorkflowExecute(additionalData, mode, runExecutionData);
	const running = execution.processRunExecutionData(workflow);
	if (options.cancelAfterMs !== undefined) setTimeout(() => running.cancel(), options.cancelAfterMs);
	const run = await finished;
	if (options.cancelAfterMs === undefined) await running;
	else running.catch(() => undefined);

	const nodeRun = run.data.resultData.runData['Elastic Path']?.[0];
	return {
		run,
		output: nodeRun?.data?.main?.[0] ?? [],
		errorOutput: nodeRun?.data?.main?.[1] ?? [],
		error: nodeRun?.error ?? run.data.resultData.error,
		credentialsHelper,
	};
}
