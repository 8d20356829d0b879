/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- the test asks npm what it would publish */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const REPO = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
	dependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	n8n: { nodes: string[]; credentials: string[] };
	repository: { type: string; url: string };
	homepage: string;
	bugs: { url: string };
	files: string[];
};

/** The GitHub repository the package is published from: npm's provenance check compares it with `repository`. */
const GITHUB_REPO = 'n8n-nodes-elasticpath/n8n-nodes-elasticpath';

/** What `npm pack` would put in the published tarball (`npm test` builds dist/ first). */
function packedFiles(): string[] {
	const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO, encoding: 'utf8' });
	return (JSON.parse(output) as Array<{ files: Array<{ path: string }> }>)[0].files.map((f) => f.path).sort();
}

describe('the published package', () => {
	const files = packedFiles();

	it('holds only dist/, the README, the LICENSE, the CHANGELOG and package.json', () => {
		expect(files.filter((f) => !f.startsWith('dist/'))).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'package.json']);
	});

	it('holds what n8n loads: the node, the credential, the codex and both icons', () => {
		for (const entry of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) expect(files).toContain(entry);
		expect(files).toEqual(expect.arrayContaining([
			'dist/nodes/ElasticPath/ElasticPath.node.json',
			'dist/icons/elasticpath.svg',
			'dist/icons/elasticpath.dark.svg',
		]));
		expect(files.filter((f) => /^dist\/(test|testkit|scripts|bench|examples)\//.test(f))).toEqual([]);
	});

	it('lists dist/ and the CHANGELOG in "files" (npm adds the README, LICENSE and package.json itself)', () => {
		expect(manifest.files).toEqual(['dist', 'CHANGELOG.md']);
	});

	it('names one GitHub repository as its source, home page and issue tracker', () => {
		const repository = /^(?:git\+)?https:\/\/github\.com\/([^/]+\/[^/]+?)(?:\.git)?$/.exec(manifest.repository.url);
		expect(manifest.repository.type).toBe('git');
		expect(repository?.[1]).toBe(GITHUB_REPO);
		expect(manifest.homepage).toBe(`https://github.com/${GITHUB_REPO}#readme`);
		expect(manifest.bugs.url).toBe(`https://github.com/${GITHUB_REPO}/issues`);
	});

	it('has no runtime dependencies: n8n-workflow is a peer', () => {
		expect(manifest.dependencies ?? {}).toEqual({});
		expect(Object.keys(manifest.peerDependencies ?? {})).toEqual(['n8n-workflow']);
	});
});

describe('the codex n8n shows in its nodes panel', () => {
	const codex = JSON.parse(readFileSync(path.join(REPO, 'nodes', 'ElasticPath', 'ElasticPath.node.json'), 'utf8')) as {
		node: string;
		categories: string[];
		subcategories: Record<string, string[]>;
		alias: string[];
		resources: Record<string, Array<{ url: string }>>;
	};

	it('names the node, files it under Sales, and finds it by its old name and by what it works on', () => {
		expect(codex.node).toBe('n8n-nodes-elasticpath.elasticPath');
		expect(codex.categories).toContain('Sales');
		for (const category of Object.keys(codex.subcategories)) expect(codex.categories).toContain(category);
		expect(codex.alias).toEqual(expect.arrayContaining(['Moltin', 'cart', 'customer']));
	});

	it('links the README and its credentials section, as the credential does', () => {
		expect(codex.resources.primaryDocumentation[0].url).toBe(manifest.homepage);
		const credentialSource = readFileSync(path.join(REPO, 'credentials', 'ElasticPathApi.credentials.ts'), 'utf8');
		expect(credentialSource).toContain(`documentationUrl = '${codex.resources.credentialDocumentation[0].url}'`);
	});
});
