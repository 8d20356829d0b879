/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- the test reads the package's sources */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Dependencies run one way: the node → the actions → the transport. The transport knows
 * nothing of the node's description, the actions nothing of the node file, and outside the
 * transport only its index is imported, so what lies behind it can change freely.
 */
const REPO = path.resolve(__dirname, '..', '..');
const NODE = 'nodes/ElasticPath';
const TRANSPORT = `${NODE}/transport/`;
const ACTIONS = `${NODE}/actions/`;
const TRANSPORT_INDEX = `${TRANSPORT}index.ts`;

/** Each source file (repository-relative) and the repository files it imports. */
type ImportMap = Record<string, string[]>;

function sourceFiles(folder: string): string[] {
	return readdirSync(path.join(REPO, folder)).flatMap((name) => {
		const file = `${folder}/${name}`;
		if (statSync(path.join(REPO, file)).isDirectory()) return sourceFiles(file);
		return file.endsWith('.ts') ? [file] : [];
	});
}

/** The file a relative import names: `x.ts`, `x/index.ts` or `x` itself (a JSON file). */
function resolveImport(from: string, specifier: string): string {
	const base = path.posix.join(path.posix.dirname(from), specifier);
	const candidates = [`${base}.ts`, `${base}/index.ts`, base];
	const found = candidates.find((file) => existsSync(path.join(REPO, file)) && statSync(path.join(REPO, file)).isFile());
	if (!found) throw new Error(`${from} imports ${specifier}, which is no file`);
	return found;
}

/** The relative imports (and re-exports) of each file: npm packages are not the layout's business. */
function importMap(files: string[]): ImportMap {
	const specifiers = /\b(?:from|import|require)\s*\(?\s*'(\.{1,2}\/[^']*)'/g;
	return Object.fromEntries(
		files.map((file) => {
			const source = readFileSync(path.join(REPO, file), 'utf8');
			return [file, [...source.matchAll(specifiers)].map(([, specifier]) => resolveImport(file, specifier))];
		}),
	);
}

/** Every import in `imports` that crosses back against the layout, said in words. */
function crossings(imports: ImportMap): string[] {
	const problems: string[] = [];
	for (const [file, targets] of Object.entries(imports)) {
		for (const target of targets) {
			if (file.startsWith(TRANSPORT) && !target.startsWith(TRANSPORT)) {
				problems.push(`${file} imports ${target}: the transport imports nothing from the actions or the node`);
			} else if (file.startsWith(ACTIONS) && !target.startsWith(ACTIONS) && target !== TRANSPORT_INDEX) {
				problems.push(`${file} imports ${target}: the actions import only each other and the transport's index`);
			} else if (!file.startsWith(TRANSPORT) && target.startsWith(TRANSPORT) && target !== TRANSPORT_INDEX) {
				problems.push(`${file} imports ${target}: outside the transport, import only ${TRANSPORT_INDEX}`);
			}
		}
	}
	return problems;
}

describe('the layout of the node and the credential', () => {
	const imports = importMap([...sourceFiles('nodes'), ...sourceFiles('credentials')]);

	it('reads the imports of the node, the actions, the transport and the credential', () => {
		const files = Object.keys(imports);
		for (const part of [`${NODE}/ElasticPath.node.ts`, ACTIONS, TRANSPORT_INDEX, 'credentials/', 'nodes/ElasticPathTrigger/ElasticPathTrigger.node.ts']) {
			expect(files.some((file) => file.startsWith(part))).toBe(true);
		}
		expect(Object.values(imports).flat()).toContain(TRANSPORT_INDEX);
	});

	it('has no import that crosses back: node → actions → transport, the transport through its index', () => {
		expect(crossings(imports)).toEqual([]);
	});
});

describe('testkit/', () => {
	it('imports nothing from the tests or the package sources: it runs the built package, outside jest too', () => {
		const imports = importMap(sourceFiles('testkit'));
		expect(Object.keys(imports).length).toBeGreaterThan(0);
		const reached = Object.entries(imports).flatMap(([file, targets]) => targets.map((target) => `${file} imports ${target}`));
		expect(reached.filter((line) => / imports (test|nodes|credentials)\//.test(line))).toEqual([]);
		expect(reached.filter((line) => / imports testkit\//.test(line)).length).toBeGreaterThan(0);
	});
});

describe('crossings', () => {
	it.each([
		['the transport importing an action', `${TRANSPORT}request.ts`, `${ACTIONS}shared/paths.ts`],
		['the transport importing the node file', `${TRANSPORT}session.ts`, `${NODE}/ElasticPath.node.ts`],
		['an action importing the node file', `${ACTIONS}router.ts`, `${NODE}/ElasticPath.node.ts`],
		['an action importing the node\'s host checks', `${ACTIONS}cart/index.ts`, `${NODE}/host.ts`],
		['an action importing a file behind the transport index', `${ACTIONS}cart/readCart.ts`, `${TRANSPORT}request.ts`],
		['the node file importing a file behind the transport index', `${NODE}/ElasticPath.node.ts`, `${TRANSPORT}authentication.ts`],
		['the credential importing a file behind the transport index', 'credentials/ElasticPathApi.credentials.ts', `${TRANSPORT}failure.ts`],
		['the trigger importing a file behind the transport index', 'nodes/ElasticPathTrigger/integration.ts', `${TRANSPORT}request.ts`],
	])('finds %s', (_what, file, target) => {
		expect(crossings({ [file]: [target] })).toEqual([expect.stringContaining(`${file} imports ${target}`)]);
	});

	it.each([
		['the node file importing the actions and the transport index', `${NODE}/ElasticPath.node.ts`, [`${ACTIONS}router.ts`, TRANSPORT_INDEX]],
		['an action importing another and the transport index', `${ACTIONS}cart/readCart.ts`, [`${ACTIONS}cart/cartResource.ts`, TRANSPORT_INDEX]],
		['the transport importing itself', `${TRANSPORT}request.ts`, [`${TRANSPORT}retry.ts`, `${TRANSPORT}failure.ts`]],
		['the credential importing the transport index', 'credentials/ElasticPathApi.credentials.ts', [TRANSPORT_INDEX]],
		['the trigger importing the actions\' paths and the transport index', 'nodes/ElasticPathTrigger/integration.ts', [`${ACTIONS}shared/paths.ts`, TRANSPORT_INDEX]],
	])('lets pass %s', (_what, file, targets) => {
		expect(crossings({ [file]: targets })).toEqual([]);
	});
});
