/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test harness code runs in plain Node.js; the n8n Cloud rules are for the node */
import { ExecutionLifecycleHooks, HookContext, WebhookContext, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRun,
	IWebhookData,
	IWebhookResponseData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import type { TestCredentialsHelper } from './credentialsHelper';
import { additionalDataFor, CREDENTIAL_ID, DIST, newCredentialsHelper, nodeTypes, registerNodeType } from './runWorkflow';

/* The compiled trigger, as n8n loads it from dist/. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ElasticPathTrigger } = require(path.join(DIST, 'nodes/ElasticPathTrigger/ElasticPathTrigger.node.js')) as {
	ElasticPathTrigger: new () => INodeType;
};

export const TRIGGER_TYPE = 'n8n-nodes-elasticpath.elasticPathTrigger';
export const TRIGGER_NAME = 'Elastic Path Trigger';
const WEBHOOK_ID = 'b6f4c2a0-7d1e-4f3a-9c2b-5e8d7a6f1c30';
const WORKFLOW = { id: 'trigger-test', name: 'Trigger test' };

const trigger = new ElasticPathTrigger();
registerNodeType(TRIGGER_TYPE, trigger);

export interface TriggerOptions {
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	credentialsHelper?: TestCredentialsHelper;
	/** The production URL of an active workflow (default), or the test URL the editor listens on. */
	url?: 'production' | 'test';
}

/** One request the trigger's webhook received, what it answered, and the run it started. */
export interface Delivery {
	status: number;
	answer: string;
	/** The trigger's output items, when the delivery started the workflow. */
	output?: INodeExecutionData[];
	run?: IRun;
}

type WebhookMethod = 'checkExists' | 'create' | 'delete';

/**
 * The Elastic Path Trigger as n8n runs it, through n8n-core: its webhook methods in a
 * HookContext (activation, restart, deactivation), its webhook in a WebhookContext behind a real
 * HTTP server on 127.0.0.1, and the run it starts in WorkflowExecute. Static data is kept
 * between calls the way n8n keeps it in its database: saved only when the node changed it.
 */
export class TriggerHarness {
	readonly deliveries: Delivery[] = [];

	/** The workflow's static data as n8n would have saved it. */
	savedStaticData: IDataObject = {};

	readonly credentialsHelper: TestCredentialsHelper;

	private server?: Server;

	private pendingRuns: Array<Promise<void>> = [];

	constructor(private readonly options: TriggerOptions) {
		this.credentialsHelper = options.credentialsHelper ?? newCredentialsHelper(options.credentials);
		if (!this.credentialsHelper.get(CREDENTIAL_ID)) this.credentialsHelper.set(CREDENTIAL_ID, { sessionToken: '', ...options.credentials });
	}

	private get isTest(): boolean {
		return this.options.url === 'test';
	}

	private get mode(): WorkflowExecuteMode {
		return this.isTest ? 'manual' : 'webhook';
	}

	async start(): Promise<this> {
		this.server = createServer((req, res) => void this.receive(req, res));
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		return this;
	}

	async stop(): Promise<void> {
		await Promise.all(this.pendingRuns);
		const server = this.server;
		this.server = undefined;
		server?.closeAllConnections();
		if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	private get origin(): string {
		const address = this.server?.address() as AddressInfo | null;
		if (!address) throw new Error('The trigger harness is not started');
		return `http://127.0.0.1:${address.port}`;
	}

	/** The URL n8n gives the trigger: production or test. */
	get webhookUrl(): string {
		return `${this.origin}/${this.isTest ? 'webhook-test' : 'webhook'}/${WEBHOOK_ID}/webhook`;
	}

	/** The node's parameters can change between activations, as when the user edits the workflow. */
	setParameters(parameters: INodeParameters): void {
		this.options.parameters = parameters;
	}

	private node(): INode {
		return {
			id: 'trigger',
			name: TRIGGER_NAME,
			type: TRIGGER_TYPE,
			typeVersion: 1,
			position: [0, 0],
			webhookId: WEBHOOK_ID,
			parameters: this.options.parameters,
			credentials: { elasticPathApi: { id: CREDENTIAL_ID, name: 'Elastic Path account' } },
		};
	}

	/** The workflow as n8n builds it for each call: from the saved definition and static data. */
	private workflow(): Workflow {
		return new Workflow({
			...WORKFLOW,
			active: !this.isTest,
			nodeTypes,
			nodes: [this.node()],
			connections: {},
			staticData: JSON.parse(JSON.stringify(this.savedStaticData)) as IDataObject,
		});
	}

	private additionalData() {
		const data = additionalDataFor(this.credentialsHelper);
		Object.assign(data, {
			webhookBaseUrl: `${this.origin}/webhook`,
			webhookTestBaseUrl: `${this.origin}/webhook-test`,
		});
		return data;
	}

	/** What n8n does after a node ran: it saves the static data when the node changed it. */
	private saveStaticData(workflow: Workflow): void {
		const data = workflow.staticData as IDataObject & { __dataChanged?: boolean };
		if (!data.__dataChanged) return;
		// JSON drops __dataChanged: n8n defines it as a non-enumerable property.
		this.savedStaticData = JSON.parse(JSON.stringify(data)) as IDataObject;
	}

	private webhookData(additionalData: ReturnType<TriggerHarness['additionalData']>): IWebhookData {
		return {
			httpMethod: 'POST',
			node: TRIGGER_NAME,
			path: `${WEBHOOK_ID}/webhook`,
			webhookDescription: trigger.description.webhooks![0],
			workflowId: WORKFLOW.id,
			workflowExecuteAdditionalData: additionalData,
			webhookId: WEBHOOK_ID,
			isTest: this.isTest,
		};
	}

	/** One of the trigger's webhook methods, as n8n's webhook service runs it. */
	async runMethod(method: WebhookMethod, activation: WorkflowActivateMode = 'activate'): Promise<boolean> {
		const workflow = this.workflow();
		const additionalData = this.additionalData();
		const context = new HookContext(workflow, workflow.getNode(TRIGGER_NAME)!, additionalData, this.mode, activation, this.webhookData(additionalData));
		try {
			return (await trigger.webhookMethods!.default![method].call(context)) as boolean;
		} finally {
			this.saveStaticData(workflow);
		}
	}

	/** Activation (or a restart: `activation` 'init'): n8n creates the webhook unless checkExists finds it. */
	async activate(activation: WorkflowActivateMode = 'activate'): Promise<void> {
		if (!(await this.runMethod('checkExists', activation))) await this.runMethod('create', activation);
	}

	async deactivate(): Promise<boolean> {
		return await this.runMethod('delete');
	}

	/** Resolves once every workflow run started by a delivery so far has finished. */
	async settled(): Promise<void> {
		await Promise.all(this.pendingRuns);
	}

	private async receive(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const delivery: Delivery = { status: 0, answer: '' };
		this.deliveries.push(delivery);
		res.on('finish', () => (delivery.status = res.statusCode));
		const write = res.end.bind(res);
		res.end = ((chunk?: unknown, ...rest: unknown[]) => {
			if (typeof chunk === 'string' || Buffer.isBuffer(chunk)) delivery.answer += chunk.toString();
			return (write as (...args: unknown[]) => ServerResponse)(chunk, ...rest);
		}) as ServerResponse['end'];

		// n8n parses a JSON body before the node sees it.
		const text = Buffer.concat(chunks).toString('utf8');
		let body: unknown = {};
		try {
			body = text ? JSON.parse(text) : {};
		} catch {
			body = {};
		}
		Object.assign(req, { body, params: {}, query: {} });

		const workflow = this.workflow();
		const additionalData = this.additionalData();
		Object.assign(additionalData, { httpRequest: req, httpResponse: res });
		const node = workflow.getNode(TRIGGER_NAME)!;
		let result: IWebhookResponseData;
		try {
			const context = new WebhookContext(workflow, node, additionalData, this.mode, this.webhookData(additionalData), [], null);
			result = await trigger.webhook!.call(context);
			this.saveStaticData(workflow);
		} catch (error) {
			res.writeHead(500, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ message: (error as Error).message }));
			return;
		}
		if (!result.noWebhookResponse) {
			res.writeHead(200, { 'Content-Type': 'application/json' });
			// responseMode "onReceived": the answer goes out before the workflow runs.
			res.end(JSON.stringify(result.workflowData ? { message: 'Workflow was started' } : (result.webhookResponse ?? { message: 'Webhook call received' })));
		}
		if (result.workflowData) this.pendingRuns.push(this.runFrom(workflow, node, result.workflowData, delivery));
	}

	/** The run a delivery starts: the trigger's items as the first node's data, as n8n's webhook helpers start it. */
	private async runFrom(workflow: Workflow, node: INode, data: INodeExecutionData[][], delivery: Delivery): Promise<void> {
		const hooks = new ExecutionLifecycleHooks(this.mode, 'exec-trigger', { ...WORKFLOW, nodes: [node], connections: {}, active: true } as never);
		const finished = new Promise<IRun>((resolve) => hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)));
		const runData = createRunExecutionData({ executionData: { nodeExecutionStack: [{ node, data: { main: data }, source: null }] } });
		const additionalData = this.additionalData();
		additionalData.hooks = hooks;
		const execution = new WorkflowExecute(additionalData, this.mode, runData);
		await execution.processRunExecutionData(workflow);
		delivery.run = await finished;
		delivery.output = delivery.run.data.resultData.runData[TRIGGER_NAME]?.[0]?.data?.main?.[0] ?? [];
	}
}
