/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- the test reads the package's sources */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Dependencies run one way: the node → the actions → the transport → its rate folder. The
 * transport knows nothing of the node's description, the actions nothing of the node file,
 * outside the transport only its index is imported (and outside the rate folder only its
 * index), so what lies behind each can change freely; and no files import each other in a circle.
 */
const REPO = path.resolve(__dirname, '..', '..');
const NODE = 'nodes/ElasticPath';
const TRIGGER = 'nodes/ElasticPathTrigger/';
const TRANSPORT = `${NODE}/transport/`;
const RATE = `${TRANSPORT}rate/`;
const ACTIONS = `${NODE}/actions/`;
const TRANSPORT_INDEX = `${TRANSPORT}index.ts`;
const RATE_INDEX = `${RATE}index.ts`;

/**
 * The agreed map of the transport: one file per concern. A new concern goes into the file that
 * owns it; a file outside this map fails the test until the map (and transport/index.ts's
 * opening comment) says why it is needed.
 */
const TRANSPORT_MAP = [
	'index.ts',
	'failure.ts',
	'json.ts',
	'retry.ts',
	'credential.ts',
	'secrets.ts',
	'errors.ts',
	'token.ts',
	'session.ts',
	'request.ts',
	'rate/index.ts',
	'rate/clock.ts',
	'rate/controller.ts',
	'rate/pacer.ts',
	'rate/registry.ts',
].map((file) => `${TRANSPORT}${file}`);

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

/** The relative imports and re-exports in a source, type-only ones included: npm packages are not the layout's business. */
function relativeImports(source: string): string[] {
	return [...source.matchAll(/\b(?:from|import|require)\s*\(?\s*'(\.{1,2}\/[^']*)'/g)].map(([, specifier]) => specifier);
}

/** The repository files each file imports. */
function importMap(files: string[]): ImportMap {
	return Object.fromEntries(
		files.map((file) => {
			const source = readFileSync(path.join(REPO, file), 'utf8');
			return [file, relativeImports(source).map((specifier) => resolveImport(file, specifier))];
		}),
	);
}

/** Every import in `imports` that crosses back against the layout, said in words. */
function crossings(imports: ImportMap): string[] {
	const problems: string[] = [];
	for (const [file, targets] of Object.entries(imports)) {
		for (const target of targets) {
			if (file.startsWith(RATE) && !target.startsWith(RATE)) {
				problems.push(`${file} imports ${target}: the rate folder imports nothing from the transport above it`);
			} else if (!file.startsWith(RATE) && target.startsWith(RATE) && target !== RATE_INDEX) {
				problems.push(`${file} imports ${target}: outside the rate folder, import only ${RATE_INDEX}`);
			} else if (file.startsWith(TRIGGER) && target.startsWith(ACTIONS)) {
				problems.push(`${file} imports ${target}: the trigger imports nothing from the actions`);
			} else if (file.startsWith(TRANSPORT) && !target.startsWith(TRANSPORT)) {
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

/**
 * Every import cycle in `imports`, each once, as `a → b → … → a` (type imports included: a
 * type import ties two files' meanings together as much as any other).
 */
function cycles(imports: ImportMap): string[] {
	const found = new Set<string>();
	const state = new Map<string, 'open' | 'done'>();
	const walk = (file: string, trail: string[]) => {
		state.set(file, 'open');
		for (const target of imports[file] ?? []) {
			if (state.get(target) === 'open') {
				const loop = trail.slice(trail.indexOf(target));
				// The same loop found from another file: start it at its smallest name.
				const start = loop.indexOf([...loop].sort()[0]);
				const canonical = [...loop.slice(start), ...loop.slice(0, start)];
				found.add([...canonical, canonical[0]].join(' → '));
			} else if (!state.has(target)) walk(target, [...trail, target]);
		}
		state.set(file, 'done');
	};
	for (const file of Object.keys(imports).sort()) if (!state.has(file)) walk(file, [file]);
	return [...found];
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

	it('has no import that crosses back: node → actions → transport → rate, each through its index', () => {
		expect(crossings(imports)).toEqual([]);
	});

	it('has no import cycle, type imports included', () => {
		expect(cycles(imports)).toEqual([]);
	});

	it('keeps the transport to its agreed map of files, one per concern', () => {
		expect(sourceFiles(TRANSPORT.slice(0, -1)).sort()).toEqual([...TRANSPORT_MAP].sort());
	});

	it('names every file of the transport map in the opening comment of transport/index.ts', () => {
		const opening = readFileSync(path.join(REPO, TRANSPORT_INDEX), 'utf8').split('*/')[0];
		const named = TRANSPORT_MAP.filter((file) => !file.startsWith(RATE) && file !== TRANSPORT_INDEX).map((file) => path.basename(file, '.ts'));
		expect(named.filter((name) => !new RegExp(`^ \\*\\s+${name}\\s`, 'm').test(opening))).toEqual([]);
	});
});

describe('cycles', () => {
	it('finds a cycle closed by a type import, once however many files lead into it', () => {
		const planted: ImportMap = {
			[`${TRANSPORT}errors.ts`]: [`${TRANSPORT}request.ts`],
			[`${TRANSPORT}request.ts`]: [`${TRANSPORT}secrets.ts`],
			[`${TRANSPORT}secrets.ts`]: [`${TRANSPORT}errors.ts`],
			[`${TRANSPORT}index.ts`]: [`${TRANSPORT}request.ts`, `${TRANSPORT}errors.ts`],
		};
		expect(cycles(planted)).toEqual([
			`${TRANSPORT}errors.ts → ${TRANSPORT}request.ts → ${TRANSPORT}secrets.ts → ${TRANSPORT}errors.ts`,
		]);
	});

	it('finds a file importing itself, and lets a diamond pass', () => {
		expect(cycles({ a: ['a'] })).toEqual(['a → a']);
		expect(cycles({ a: ['b', 'c'], b: ['d'], c: ['d'], d: [] })).toEqual([]);
	});

	it('reads type imports, multi-line imports and re-exports as imports', () => {
		const source = [
			"import type { EpccResponse } from './request';",
			'import {\n\tA,\n\tB,\n} from "n8n-workflow";',
			"import {\n\tC,\n} from '../json';",
			"export { D } from './rate';",
		].join('\n');
		expect(relativeImports(source)).toEqual(['./request', '../json', './rate']);
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
		['an action importing the node\'s host checks', `${ACTIONS}cart/index.ts`, `${NODE}/n8nCompatibility.ts`],
		['an action importing a file behind the transport index', `${ACTIONS}cart/readCart.ts`, `${TRANSPORT}request.ts`],
		['the node file importing a file behind the transport index', `${NODE}/ElasticPath.node.ts`, `${TRANSPORT}credential.ts`],
		['the rate folder importing the transport above it', `${RATE}pacer.ts`, `${TRANSPORT}retry.ts`],
		['the transport importing a file behind the rate index', `${TRANSPORT}session.ts`, `${RATE}controller.ts`],
		['the trigger importing the actions', `${TRIGGER}integration.ts`, `${ACTIONS}shared/paths.ts`],
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
		['the trigger importing the transport index', `${TRIGGER}integration.ts`, [TRANSPORT_INDEX]],
		['the transport importing the rate index', `${TRANSPORT}session.ts`, [RATE_INDEX]],
		['the rate folder importing itself', `${RATE}pacer.ts`, [`${RATE}controller.ts`, `${RATE}clock.ts`]],
	])('lets pass %s', (_what, file, targets) => {
		expect(crossings({ [file]: targets })).toEqual([]);
	});
});
