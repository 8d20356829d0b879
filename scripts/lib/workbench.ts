/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/require-node-api-error -- a command-line script in plain Node.js, with its own errors */
import path from 'node:path';

import { DEFAULT_CLIENT, EpccEmulator } from '../../testkit/emulator/EpccEmulator';
import { seedDemoStore } from '../../testkit/emulator/demoStore';
import { SmtpCatcher, smtpCredential } from '../../testkit/mail/smtpCatcher';
import { installN8n, N8nInstance, packageNodeTypes } from '../../testkit/n8n/n8nProcess';
import { N8nServer } from '../../testkit/n8n/n8nServer';
import type { Workflow } from '../../testkit/n8n/templates';
import { elasticPathCredential, forImport, loadTemplates, nodeByType, runsOn } from '../../testkit/n8n/templates';

/** The header the logout-webhook template checks, with a value for local use only. */
export const LOCAL_STOREFRONT_SECRET = { name: 'X-Storefront-Secret', value: 'local-dev-secret' };


export interface Workbench {
	emulator: EpccEmulator;
	/** Where the templates' Send Email nodes deliver (the SMTP credential points here). */
	mail: SmtpCatcher;
	n8n: N8nInstance;
	server: N8nServer;
	/** The package's node types this n8n knows. */
	nodeTypes: string[];
	templates: Array<{ id: string; name: string; file: string }>;
	logFile: string;
	stop(): Promise<void>;
}

/**
 * The n8n editor with the node built from this working tree, the emulator seeded with the demo
 * store, the credentials it needs and every template imported: what `npm run dev` and the
 * screenshot script start. The n8n user folder is throw-away, like the emulator's state.
 */
export async function startWorkbench(options: {
	version: string;
	port: number;
	progress: (line: string) => void;
	/** Workflows to import besides the templates (e.g. the screenshot's), each with its ID. */
	extraWorkflows?: Workflow[];
}): Promise<Workbench> {
	const { progress } = options;
	progress(`Getting n8n ${options.version} ready (installed into ~/.cache/n8n-nodes-elasticpath on first use only: about 10 minutes on a 2-core machine)...`);
	const n8n = new N8nInstance(await installN8n(options.version, { showProgress: true }));
	const emulator = new EpccEmulator();
	const mail = new SmtpCatcher();
	let server: N8nServer | undefined;
	const stop = async () => {
		await server?.stop();
		await emulator.stop();
		await mail.stop().catch(() => undefined);
		n8n.remove();
	};
	try {
		await Promise.all([emulator.start(), mail.start()]);
		seedDemoStore(emulator.state);
		n8n.installBuild();
		const templates = loadTemplates().filter((template) => runsOn(template, options.version));
		const webhook = templates.find((t) => t.file === 'logout-webhook.json');
		const mailers = templates.flatMap((t) => t.workflow.nodes.filter((n) => n.type === 'n8n-nodes-base.emailSend'));
		await n8n.importJson('credentials', [
			elasticPathCredential({ baseUrl: emulator.baseUrl, ...DEFAULT_CLIENT }),
			...(webhook ? [{ ...nodeByType(webhook.workflow, 'n8n-nodes-base.webhook').credentials!.httpHeaderAuth, type: 'httpHeaderAuth', data: LOCAL_STOREFRONT_SECRET }] : []),
			...(mailers[0]?.credentials?.smtp ? [smtpCredential(mailers[0].credentials.smtp, mail.port)] : []),
		]);
		const imported = templates.map((template) => forImport(template));
		for (const workflow of [...imported, ...(options.extraWorkflows ?? [])]) await n8n.importJson('workflow', workflow);
		if (webhook) await n8n.activate(imported[templates.indexOf(webhook)].id!);

		progress(`Starting the n8n editor on port ${options.port}...`);
		const logFile = path.join(n8n.userFolder, 'n8n.log');
		server = await N8nServer.start(n8n, { port: options.port, logFile });
		await server.signIn();
		const nodeTypes = packageNodeTypes(options.version);
		const known = await server.nodeTypes(nodeTypes);
		const missing = nodeTypes.filter((type) => !known.has(type));
		if (missing.length) throw new Error(`n8n started but does not know ${missing.join(', ')}:\n${server.output.slice(-3000)}`);
		return {
			emulator,
			mail,
			n8n,
			server,
			nodeTypes,
			logFile,
			templates: imported.map((w, i) => ({ id: w.id!, name: w.name, file: templates[i].file })),
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
