import { ELASTIC_PATH_TYPES, loadTemplates, runsFromCli, TEMPLATE_CREDENTIAL, TRIGGER_TYPE } from '../../testkit/n8n/templates';

/** What every template in examples/ must have to be importable and understandable (each also runs in test:e2e). */
describe.each(loadTemplates())('examples/$file', ({ workflow }) => {
	it('is named after the package and has no fixed ID (n8n gives it one on import)', () => {
		expect(workflow.name).toMatch(/^Elastic Path: /);
		expect(workflow.id).toBeUndefined();
	});

	it('explains itself with sticky notes', () => {
		const notes = workflow.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote');
		expect(notes.length).toBeGreaterThan(0);
		expect(String(notes[0].parameters.content)).toMatch(/^## /);
	});

	it('uses the Elastic Path node with the shared credential reference, and never a secret', () => {
		const nodes = workflow.nodes.filter((n) => ELASTIC_PATH_TYPES.includes(n.type));
		expect(nodes.length).toBeGreaterThan(0);
		for (const node of nodes) expect(node.credentials).toEqual({ elasticPathApi: TEMPLATE_CREDENTIAL });
		expect(JSON.stringify(workflow)).not.toMatch(/clientSecret|access_token|Bearer /);
	});

	it('connects only nodes it has, and has unique node names and IDs', () => {
		const names = workflow.nodes.map((n) => n.name);
		expect(new Set(names).size).toBe(names.length);
		expect(new Set(workflow.nodes.map((n) => n.id)).size).toBe(names.length);
		for (const [from, outputs] of Object.entries(workflow.connections)) {
			expect(names).toContain(from);
			for (const targets of Object.values(outputs as Record<string, Array<Array<{ node: string }>>>)) {
				for (const target of targets.flat()) expect(names).toContain(target.node);
			}
		}
	});

	it('can be started where it is tested: by hand (Manual Trigger), a webhook, a chat or an Elastic Path event', () => {
		const starts = ['n8n-nodes-base.webhook', '@n8n/n8n-nodes-langchain.chatTrigger', TRIGGER_TYPE];
		expect(runsFromCli(workflow) || workflow.nodes.some((n) => starts.includes(n.type))).toBe(true);
	});
});
