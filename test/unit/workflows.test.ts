/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- the test reads the repository's workflow files */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';

/**
 * GitHub Actions cannot run here: the workflow files are parsed as GitHub would read them (YAML) and checked for the
 * steps that make CI run the project's own checks and make a release publish with the provenance n8n requires.
 */
const REPO = path.resolve(__dirname, '..', '..');

interface Step {
	name?: string;
	uses?: string;
	run?: string;
	with?: Record<string, string>;
	env?: Record<string, string>;
}

interface Job {
	'runs-on': string;
	permissions?: Record<string, string>;
	steps: Step[];
}

interface Workflow {
	on: Record<string, { tags?: string[]; branches?: string[] } | null>;
	permissions?: Record<string, string>;
	jobs: Record<string, Job>;
}

/** A workflow file as YAML data; a file that does not parse cleanly (a syntax error, a repeated key) fails the suite. */
function loadWorkflow(file: string): Workflow {
	const document = parseDocument(readFileSync(path.join(REPO, '.github', 'workflows', file), 'utf8'), { uniqueKeys: true });
	const problems = [...document.errors, ...document.warnings];
	if (problems.length) throw new Error(`${file} is not clean YAML:\n${problems.map((p) => p.message).join('\n')}`);
	return document.toJS() as Workflow;
}

/** The workflow's one job's steps. */
function stepsOf(workflow: Workflow): Step[] {
	const jobs = Object.values(workflow.jobs);
	expect(jobs).toHaveLength(1);
	return jobs[0].steps;
}

const indexOfRun = (steps: Step[], command: RegExp) => steps.findIndex((step) => command.test(step.run ?? ''));
const setupNode = (steps: Step[]) => steps.find((step) => step.uses?.startsWith('actions/setup-node@'));

describe('.github/workflows/ci.yml', () => {
	const workflow = loadWorkflow('ci.yml');
	const steps = stepsOf(workflow);

	it('runs on every push and pull request', () => {
		expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
		expect(workflow.on.push).toBeNull();
	});

	it('checks out the code, sets up Node.js 20 and runs .ci/run, the same script a developer runs', () => {
		expect(steps[0].uses).toMatch(/^actions\/checkout@v\d+$/);
		expect(setupNode(steps)?.with?.['node-version']).toBe('20');
		expect(steps[steps.length - 1].run).toBe('bash .ci/run');
		expect(existsSync(path.join(REPO, '.ci', 'run'))).toBe(true);
	});

	it('.ci/run runs every suite the README names, queue mode after the end-to-end tests', () => {
		const commands = readFileSync(path.join(REPO, '.ci', 'run'), 'utf8')
			.split('\n')
			.filter((line) => line.startsWith('npm '));
		expect(commands).toEqual(['npm ci', 'npm test', 'npm run test:e2e', 'npm run test:queue']);
	});

	it('keeps the n8n installs between runs, keyed by the n8n versions and the scripts that install them', () => {
		const cache = steps.find((step) => step.uses?.startsWith('actions/cache@'));
		const installScript = readFileSync(path.join(REPO, 'scripts', 'install-n8n.sh'), 'utf8');
		expect(installScript).toContain('$HOME/.cache/n8n-nodes-elasticpath');
		expect(cache?.with?.path).toBe('~/.cache/n8n-nodes-elasticpath');
		const hashed = /hashFiles\(([^)]*)\)/.exec(cache?.with?.key ?? '')?.[1].split(',').map((f) => f.trim().replace(/^'|'$/g, ''));
		expect(hashed).toEqual(['testkit/n8n/n8n-versions.json', 'scripts/install-n8n.sh', 'scripts/install-node.sh']);
		for (const file of hashed ?? []) expect(existsSync(path.join(REPO, file))).toBe(true);
		expect(indexOfRun(steps, /\.ci\/run/)).toBeGreaterThan(steps.indexOf(cache!));
	});
});

describe('.github/workflows/publish.yml', () => {
	const workflow = loadWorkflow('publish.yml');
	const steps = stepsOf(workflow);
	const job = Object.values(workflow.jobs)[0];

	it('runs only on a pushed version tag, the v<version> tags npm run release makes', () => {
		expect(workflow.on).toEqual({ push: { tags: ['v*.*.*'] } });
	});

	it('may mint the OIDC token that signs the provenance, and only read the repository', () => {
		expect(job.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
	});

	it('sets up the same Node.js as CI, with the npm registry for publishing', () => {
		const ciNode = setupNode(stepsOf(loadWorkflow('ci.yml')))?.with?.['node-version'];
		expect(setupNode(steps)?.with).toEqual(expect.objectContaining({
			'node-version': ciNode,
			'registry-url': 'https://registry.npmjs.org',
		}));
	});

	it('installs cleanly and runs npm test before it publishes with provenance, as a public package', () => {
		const install = indexOfRun(steps, /^npm ci$/);
		const test = indexOfRun(steps, /^npm test$/);
		const publish = indexOfRun(steps, /\bnpm publish\b/);
		expect(install).toBeGreaterThan(0);
		expect(test).toBeGreaterThan(install);
		expect(publish).toBeGreaterThan(test);
		expect(steps[publish].run).toBe('npm publish --provenance --access public');
		expect(steps[publish].env).toEqual({ NODE_AUTH_TOKEN: '${{ secrets.NPM_TOKEN }}' });
	});

	it("refuses a tag that is not package.json's version, before anything else runs", () => {
		const check = indexOfRun(steps, /GITHUB_REF_NAME/);
		expect(check).toBeGreaterThan(0);
		expect(check).toBeLessThan(indexOfRun(steps, /^npm ci$/));
		expect(steps[check].run).toContain('"v$(node -p \'require("./package.json").version\')"');
	});
});
