/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- the test packs the package and runs n8n's scanner in plain Node.js */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * n8n's scanner (@n8n/scan-community-package) decides whether n8n verifies the package. Its analysis runs here on the
 * packed tarball and on the sources, as its CLI does once it has fetched both (test/unit/scanner/scan.mjs).
 */
const REPO = path.resolve(__dirname, '..', '..');
const SCAN = path.join(__dirname, 'scanner', 'scan.mjs');

interface ScanMessage {
	file: string;
	line: number;
	ruleId: string | null;
	severity: 'error' | 'warning';
	text: string;
}

interface ScanResult {
	passed: boolean;
	message?: string;
	details?: string;
	files: string[];
	messages: ScanMessage[];
}

let work: string;
let packed: string;

/** The scanner's verdict and messages for a folder; its temporary folder goes under `work`, removed after the tests. */
async function scan(folder: string, leg: 'tarball' | 'sources'): Promise<ScanResult> {
	const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: work };
	// jest sets NODE_ENV=test, which turns eslint-plugin-n8n-nodes-base's rules into their own test mode (every file a
	// node file, and so on): the scanner must run as it does in n8n, without it.
	delete env.NODE_ENV;
	const { stdout } = await promisify(execFile)(process.execPath, [SCAN, folder, leg], { env, maxBuffer: 16 * 1024 * 1024 });
	return JSON.parse(stdout) as ScanResult;
}

beforeAll(() => {
	work = mkdtempSync(path.join(tmpdir(), 'n8n-nodes-elasticpath-scan-'));
	const output = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], { cwd: REPO, encoding: 'utf8' });
	const [{ filename }] = JSON.parse(output) as Array<{ filename: string }>;
	packed = path.join(work, 'package');
	mkdirSync(packed);
	execFileSync('tar', ['-xzf', path.join(work, filename), '-C', packed, '--strip-components=1']);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("n8n's community-package scanner", () => {
	it.each([
		{ leg: 'tarball' as const, what: 'the packed tarball', folder: () => packed, entries: ['dist/nodes/ElasticPath/ElasticPath.node.js', 'dist/credentials/ElasticPathApi.credentials.js'] },
		{ leg: 'sources' as const, what: 'the sources', folder: () => REPO, entries: ['nodes/ElasticPath/ElasticPath.node.ts', 'credentials/ElasticPathApi.credentials.ts'] },
	])('finds nothing in $what: no error, no warning', async ({ leg, folder, entries }) => {
		const result = await scan(folder(), leg);
		expect(result.files).toEqual(expect.arrayContaining(['package.json', ...entries]));
		expect(result.files.filter((f) => /^(test|testkit|scripts|bench|node_modules)\//.test(f))).toEqual([]);
		expect(result.messages).toEqual([]);
		expect(result.passed).toBe(true);
	}, 120000);

	it('fails a copy of the tarball with a planted child process and environment read, and warns about a missing homepage', async () => {
		const planted = path.join(work, 'planted');
		cpSync(packed, planted, { recursive: true });
		writeFileSync(
			path.join(planted, 'dist', 'nodes', 'ElasticPath', 'planted.js'),
			"const { execSync } = require('child_process');\nmodule.exports = () => execSync(process.env.PLANTED_COMMAND);\n",
		);
		const manifest = JSON.parse(readFileSync(path.join(planted, 'package.json'), 'utf8')) as Record<string, unknown>;
		delete manifest.homepage;
		writeFileSync(path.join(planted, 'package.json'), JSON.stringify(manifest, null, 2));

		const result = await scan(planted, 'tarball');

		expect(result.passed).toBe(false);
		expect(result.message).toBe('ESLint violations found');
		expect(result.details).toContain('planted.js');
		const found = result.messages.map(({ file, ruleId, severity }) => ({ file, ruleId, severity }));
		expect(found).toEqual(expect.arrayContaining([
			{ file: 'dist/nodes/ElasticPath/planted.js', ruleId: '@n8n/community-nodes/no-restricted-imports', severity: 'error' },
			{ file: 'dist/nodes/ElasticPath/planted.js', ruleId: '@n8n/community-nodes/no-restricted-globals', severity: 'error' },
			{ file: 'package.json', ruleId: '@n8n/community-nodes/require-homepage', severity: 'warning' },
		]));
		expect(found.filter((m) => !['planted.js', 'package.json'].includes(path.basename(m.file)))).toEqual([]);
	}, 120000);
});
