/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- the test reads the documentation */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The documentation: a README a user reads top to bottom, the rest in docs/. The README stays
 * short and keeps its sections; neither speaks of the project's own history (the CHANGELOG
 * does); every relative link and #anchor resolves, as GitHub renders it.
 */
const REPO = path.resolve(__dirname, '..', '..');
const GITHUB_REPO = 'n8n-nodes-elasticpath/n8n-nodes-elasticpath';

/** The files a reader moves between: the README, docs/*.md, and the READMEs of examples/ and testkit/. */
const DOCUMENTS = [
	'README.md',
	...readdirSync(path.join(REPO, 'docs'))
		.filter((name) => name.endsWith('.md'))
		.map((name) => `docs/${name}`),
	'examples/README.md',
	'testkit/README.md',
];
/** The files that must not speak of the project's history: the CHANGELOG keeps it. */
const USER_DOCUMENTS = DOCUMENTS.filter((file) => file === 'README.md' || file.startsWith('docs/'));

const README_MAX_LINES = 350;
const README_SECTIONS = [
	'Try it: two commands',
	'Install',
	'Credentials',
	'Operations',
	'Elastic Path Trigger',
	'Templates',
	'Troubleshooting',
	'Compatibility',
	'License',
];

/** Phrasing about the project's own past: issue numbers, tuning rounds, sessions, old builds. */
const HISTORY = [
	/\bissues? \d+/i,
	/(?<![\w&/])#\d+\b/,
	/\bearlier round\b/i,
	/\bthis session\b/i,
	/\blast sessions?\b/i,
	/\bbefore issue\b/i,
	/\bthe baseline before\b/i,
	/\bbefore (its|the) tuning\b/i,
];

const read = (file: string) => readFileSync(path.join(REPO, file), 'utf8');

/** The text without fenced code blocks (each line kept, emptied, so line numbers hold). */
function withoutFences(markdown: string): string {
	let fenced = false;
	return markdown
		.split('\n')
		.map((line) => {
			if (/^\s*(```|~~~)/.test(line)) {
				fenced = !fenced;
				return '';
			}
			return fenced ? '' : line;
		})
		.join('\n');
}

/** Prose only: no code blocks, no inline code, no link targets or bare URLs. */
function prose(markdown: string): string {
	return withoutFences(markdown)
		.replace(/`[^`\n]*`/g, 'code')
		.replace(/\]\([^)\s]*\)/g, ']')
		.replace(/<?https?:\/\/[^\s)>]+>?/g, 'url');
}

/** The text of each heading, in order. */
function headings(markdown: string): string[] {
	return withoutFences(markdown)
		.split('\n')
		.map((line) => /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1])
		.filter((text): text is string => text !== undefined);
}

/** GitHub's anchor for a heading (github-slugger): the rendered text, lower case, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
	const text = heading
		.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/<[^>]+>/g, '')
		.replace(/[`*]/g, '');
	return text
		.toLowerCase()
		.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
		.replace(/ /g, '-');
}

/** Every anchor a document offers: its headings' slugs, repeated ones numbered as GitHub does. */
function anchorsOf(markdown: string): Set<string> {
	const seen = new Map<string, number>();
	const anchors = new Set<string>();
	for (const heading of headings(markdown)) {
		const base = slug(heading);
		const count = seen.get(base) ?? 0;
		anchors.add(count === 0 ? base : `${base}-${count}`);
		seen.set(base, count + 1);
	}
	return anchors;
}

/** Every link target in a document, outside code, with its line. */
function linksOf(markdown: string): Array<{ target: string; line: number }> {
	const links: Array<{ target: string; line: number }> = [];
	withoutFences(markdown)
		.split('\n')
		.forEach((text, index) => {
			const line = text.replace(/`[^`\n]*`/g, 'code');
			for (const [, target] of line.matchAll(/!?\[(?:[^[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
				links.push({ target, line: index + 1 });
			}
		});
	return links;
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

/** What is wrong with one relative link of `from`, or undefined when it resolves. */
function brokenLink(from: string, target: string, readFile: (file: string) => string | undefined): string | undefined {
	const [file, anchor] = target.split('#', 2);
	const resolved = file === '' ? from : path.posix.normalize(path.posix.join(path.posix.dirname(from), decodeURI(file)));
	const text = readFile(resolved);
	if (text === undefined) return `${target}: no file ${resolved}`;
	if (anchor === undefined || anchor === '') return undefined;
	if (!resolved.endsWith('.md')) return `${target}: an anchor into ${resolved}, which has no headings`;
	return anchorsOf(text).has(decodeURIComponent(anchor)) ? undefined : `${target}: ${resolved} has no heading #${anchor}`;
}

/** A repository file's text; '' for a folder; undefined when there is none. */
function repoFile(file: string): string | undefined {
	const full = path.join(REPO, file);
	if (file.startsWith('..') || !existsSync(full)) return undefined;
	return statSync(full).isDirectory() ? '' : readFileSync(full, 'utf8');
}

describe('the README', () => {
	const readme = read('README.md');

	it(`is for users: at most ${README_MAX_LINES} lines`, () => {
		expect(readme.trimEnd().split('\n').length).toBeLessThanOrEqual(README_MAX_LINES);
	});

	it('has the sections a user reads, in order', () => {
		const sections = headings(readme);
		const found = README_SECTIONS.map((section) => sections.indexOf(section));
		expect(README_SECTIONS.filter((_, n) => found[n] < 0)).toEqual([]);
		expect([...found].sort((a, b) => a - b)).toEqual(found);
	});

	it('shows the two commands', () => {
		expect(readme).toContain('npm ci && npm run demo');
		expect(readme).toMatch(/^npm test\b/m);
	});
});

describe('README.md and docs/', () => {
	it.each(USER_DOCUMENTS)('%s says nothing of the project\'s own history', (file) => {
		const lines = prose(read(file)).split('\n');
		const found = lines.flatMap((line, n) => HISTORY.filter((pattern) => pattern.test(line)).map((pattern) => `line ${n + 1}: ${pattern} in "${line.trim()}"`));
		expect(found).toEqual([]);
	});

	it.each(DOCUMENTS)('every relative link and anchor in %s resolves', (file) => {
		const broken = linksOf(read(file))
			.filter(({ target }) => !isExternal(target))
			.map(({ target, line }) => ({ problem: brokenLink(file, target, repoFile), line }))
			.filter(({ problem }) => problem !== undefined)
			.map(({ problem, line }) => `line ${line}: ${problem}`);
		expect(broken).toEqual([]);
	});

	it('links to the README from the credential and the codex point at its headings', () => {
		const sources = ['credentials/ElasticPathApi.credentials.ts', 'nodes/ElasticPath/ElasticPath.node.json', 'nodes/ElasticPathTrigger/ElasticPathTrigger.node.json'];
		// `#readme` is where GitHub's repository page shows the README itself.
		const anchors = new Set([...anchorsOf(read('README.md')), 'readme']);
		const targets = sources.flatMap((file) => [...read(file).matchAll(new RegExp(`github\\.com/${GITHUB_REPO}#([\\w-]+)`, 'g'))].map(([, anchor]) => `${file}: #${anchor}`));
		expect(targets.length).toBeGreaterThan(0);
		expect(targets.filter((target) => !anchors.has(target.split('#')[1]))).toEqual([]);
	});
});

describe('the link checker', () => {
	const files: Record<string, string> = {
		'README.md': '# Title\n\n## Try it: two commands\n\n## Cart: Get Items (version 2)\n\n## Notes\n\n## Notes\n',
		'docs/a.md': '# `npm test`: unit tests\n',
		'docs/node-panel.png': '',
	};
	const readFake = (file: string) => files[file];

	it('follows GitHub\'s anchor rules: punctuation dropped, code marks dropped, repeats numbered', () => {
		expect(slug('Try it: two commands')).toBe('try-it-two-commands');
		expect(slug('Cart: Get Items and Include Items (version 2)')).toBe('cart-get-items-and-include-items-version-2');
		expect(slug('`npm run test:e2e`: real n8n')).toBe('npm-run-teste2e-real-n8n');
		expect(brokenLink('README.md', '#notes-1', readFake)).toBeUndefined();
		expect(brokenLink('docs/a.md', '../README.md#cart-get-items-version-2', readFake)).toBeUndefined();
		expect(brokenLink('README.md', 'docs/a.md#npm-test-unit-tests', readFake)).toBeUndefined();
		expect(brokenLink('docs/a.md', 'node-panel.png', readFake)).toBeUndefined();
	});

	it('finds a missing file, a missing anchor and an anchor into a picture', () => {
		expect(brokenLink('README.md', 'docs/b.md', readFake)).toMatch(/no file docs\/b\.md/);
		expect(brokenLink('README.md', '#notes-2', readFake)).toMatch(/no heading #notes-2/);
		expect(brokenLink('docs/a.md', 'README.md#try-it', readFake)).toMatch(/no file docs\/README\.md/);
		expect(brokenLink('docs/a.md', 'node-panel.png#top', readFake)).toMatch(/no headings/);
	});

	it('reads links in prose, not in code', () => {
		const links = linksOf('See [a](a.md) and ![b](b.png "title").\n`[c](c.md)`\n```\n[d](d.md)\n```\n[`e`](e.md#x)\n');
		expect(links.map(({ target }) => target)).toEqual(['a.md', 'b.png', 'e.md#x']);
	});

	it('finds history phrasing in prose only', () => {
		const text = prose('Fixed in issue 10.\nSee `#14` and https://example.com/x#3 and [y](z.md#4).\n```\nissue 12\n```\n');
		expect(text.split('\n').filter((line) => HISTORY.some((pattern) => pattern.test(line)))).toEqual(['Fixed in issue 10.']);
		expect(HISTORY.some((pattern) => pattern.test('as #14 showed'))).toBe(true);
	});
});
