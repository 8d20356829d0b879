/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- test harness code runs in plain Node.js; the n8n Cloud rules are for the node */
import { DataDeduplicationService, ExecutionLifecycleHooks, HookContext, WebhookContext, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteResponsePromiseData,
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
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import type { TestCredentialsHelper } from './credentialsHelper';
import { ProcessedDataStore } from './processedData';
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

/** n8n's processed-data store (the Remove Duplicates node's), as the CLI backs it with a database table. */
export const processedData = new ProcessedDataStore();
void DataDeduplicationService.init(processedData);

export interface TriggerOptions {
	parameters: INodeParameters;
	credentials: ICredentialDataDecryptedObject;
	credentialsHelper?: TestCredentialsHelper;
	/** The production URL of an active workflow (default), or the test URL the editor listens on. */
	url?: 'production' | 'test';
	/** Another workflow (with a trigger node of its own) than the default one. */
	workflowId?: string;
	/** The webhook ID n8n gave the trigger node; one per workflow by default. */
	webhookId?: string;
	/** n8n's address as its URLs give it: another process of the same n8n gives the same (its webhook URL). */
	origin?: string;
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

	/** The workflow's static data as n8n would have saved it, and how often it was saved. */
	savedStaticData: IDataObject = {};

	staticDataSaves = 0;

	readonly credentialsHelper: TestCredentialsHelper;

	private server?: Server;

	private pendingRuns: Array<Promise<void>> = [];

	private readonly workflowMeta: { id: string; name: string };

	private readonly webhookId: string;

	constructor(private readonly options: TriggerOptions) {
		this.credentialsHelper = options.credentialsHelper ?? newCredentialsHelper(options.credentials);
		if (!this.credentialsHelper.get(CREDENTIAL_ID)) this.credentialsHelper.set(CREDENTIAL_ID, { sessionToken: '', ...options.credentials });
		this.workflowMeta = options.workflowId ? { id: options.workflowId, name: `Workflow ${options.workflowId}` } : WORKFLOW;
		this.webhookId = options.webhookId ?? (options.workflowId ? randomUUID() : WEBHOOK_ID);
	}

	/**
	 * The same workflow's trigger in another n8n process (a second main, or the editor's test
	 * listener): same credential, workflow and webhook ID, static data of its own, started.
	 */
	async sibling(overrides: Partial<TriggerOptions> = {}): Promise<TriggerHarness> {
		// Another main of the same n8n answers at the same URL; a test listener here listens on a server of its own.
		const sameUrl = (overrides.url ?? this.options.url ?? 'production') === (this.options.url ?? 'production');
		const same = { credentialsHelper: this.credentialsHelper, workflowId: this.workflowMeta.id, webhookId: this.webhookId, origin: sameUrl ? this.origin : undefined };
		return await new TriggerHarness({ ...this.options, ...same, ...overrides }).start();
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
		if (this.options.origin) return this.options.origin;
		const address = this.server?.address() as AddressInfo | null;
		if (!address) throw new Error('The trigger harness is not started');
		return `http://127.0.0.1:${address.port}`;
	}

	/** The URL n8n gives the trigger: production or test. */
	get webhookUrl(): string {
		return `${this.origin}/${this.isTest ? 'webhook-test' : 'webhook'}/${this.webhookId}/webhook`;
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
			webhookId: this.webhookId,
			parameters: this.options.parameters,
			credentials: { elasticPathApi: { id: CREDENTIAL_ID, name: 'Elastic Path account' } },
		};
	}

	/** The workflow as n8n builds it for each call: from the saved definition and static data. */
	private workflow(): Workflow {
		return new Workflow({
			...this.workflowMeta,
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
		this.staticDataSaves++;
		// JSON drops __dataChanged: n8n defines it as a non-enumerable property.
		this.savedStaticData = JSON.parse(JSON.stringify(data)) as IDataObject;
	}

	private webhookData(additionalData: ReturnType<TriggerHarness['additionalData']>): IWebhookData {
		return {
			httpMethod: 'POST',
			node: TRIGGER_NAME,
			path: `${this.webhookId}/webhook`,
			webhookDescription: trigger.description.webhooks![0],
			workflowId: this.workflowMeta.id,
			workflowExecuteAdditionalData: additionalData,
			webhookId: this.webhookId,
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

	/**
	 * Activation (or a restart: `activation` 'init'): n8n creates the webhook unless checkExists
	 * finds it, and when either throws it calls delete before failing the activation.
	 */
	async activate(activation: WorkflowActivateMode = 'activate'): Promise<void> {
		try {
			if (!(await this.runMethod('checkExists', activation))) await this.runMethod('create', activation);
		} catch (error) {
			await this.runMethod('delete', activation).catch(() => undefined);
			throw error;
		}
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
		const answer = (status: number, body: unknown) => {
			if (res.headersSent) return;
			res.writeHead(status, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify(body));
		};
		if (result.noWebhookResponse) return;
		if (!result.workflowData) return answer(200, result.webhookResponse ?? { message: 'Webhook call received' });
		const responseMode = trigger.description.webhooks![0].responseMode;
		// "onReceived" (n8n 2.x): answered once the execution is created; "responseNode": by the execution.
		const onCreated = responseMode === 'onReceived' ? () => answer(200, result.webhookResponse ?? { message: 'Workflow was started' }) : undefined;
		const run = this.runFrom(workflow, node, result.workflowData, delivery, { onCreated, onResponse: (response) => answer(Number(response.statusCode ?? 200), response.body) });
		this.pendingRuns.push(run.catch(() => answer(500, { message: 'Error in workflow' })));
	}

	/** The run a delivery starts: the trigger's items as the first node's data, as n8n's webhook helpers start it. */
	private async runFrom(
		workflow: Workflow,
		node: INode,
		data: INodeExecutionData[][],
		delivery: Delivery,
		answers: { onCreated?: () => void; onResponse: (response: IExecuteResponsePromiseData) => void },
	): Promise<void> {
		const hooks = new ExecutionLifecycleHooks(this.mode, 'exec-trigger', { ...this.workflowMeta, nodes: [node], connections: {}, active: true } as never);
		const finished = new Promise<IRun>((resolve) => hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)));
		hooks.addHandler('sendResponse', (response) => answers.onResponse(response));
		const runData = createRunExecutionData({ executionData: { nodeExecutionStack: [{ node, data: { main: data }, source: null }] } });
		const additionalData = this.additionalData();
		additionalData.hooks = hooks;
		const execution = new WorkflowExecute(additionalData, this.mode, runData);
		answers.onCreated?.();
		await execution.processRunExecutionData(workflow);
		delivery.run = await finished;
		if (delivery.run.data.resultData.error) answers.onResponse({ statusCode: 500, body: { message: 'Error in workflow' }, headers: {} });
		delivery.output = delivery.run.data.resultData.runData[TRIGGER_NAME]?.[0]?.data?.main?.[0] ?? [];
	}
}
