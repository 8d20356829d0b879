/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- the test runs the release script in a throw-away git repository */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { release, ReleaseError } from '../../../scripts/release';

const CHANGELOG = [
	'# Changelog',
	'',
	'## [Unreleased]',
	'',
	'### Added',
	'- Releasing.',
	'',
	'## [0.1.0] - 2026-11-25',
	'',
	'- The node.',
	'',
].join('\n');

const MANIFEST = { name: 'release-fixture', version: '0.1.0', private: true };
const LOCK = { name: 'release-fixture', version: '0.1.0', lockfileVersion: 3, requires: true, packages: { '': { name: 'release-fixture', version: '0.1.0' } } };

/** A passing test command that leaves a mark outside the repository, to show it ran. */
const PASSING = `node -e "require('fs').writeFileSync('../tests-ran', '')"`;

let root: string;
let repo: string;

const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
const read = (file: string) => readFileSync(path.join(repo, file), 'utf8');
const testsRan = () => existsSync(path.join(root, 'tests-ran'));

/** Runs the release in the throw-away repository with RELEASE_TEST_COMMAND set to `testCommand`. */
function runRelease(bump: string | undefined, testCommand = PASSING) {
	return release({
		cwd: repo,
		bump,
		date: '2026-12-01',
		env: { ...process.env, RELEASE_TEST_COMMAND: testCommand },
		log: () => undefined,
	});
}

/** The release refused with `message`, and left the repository as it was: same commit, no tag, same files. */
function expectRefused(bump: string | undefined, testCommand: string, message: RegExp) {
	const head = git('rev-parse', 'HEAD');
	const status = git('status', '--porcelain');
	let refusal: unknown;
	try {
		runRelease(bump, testCommand);
	} catch (error) {
		refusal = error;
	}
	expect(refusal).toBeInstanceOf(ReleaseError);
	expect((refusal as Error).message).toMatch(message);
	expect(git('rev-parse', 'HEAD')).toBe(head);
	expect(git('tag', '--list')).toBe('');
	expect(git('status', '--porcelain')).toBe(status);
	expect(JSON.parse(read('package.json')).version).toBe('0.1.0');
}

beforeEach(() => {
	root = mkdtempSync(path.join(tmpdir(), 'n8n-nodes-elasticpath-release-'));
	repo = path.join(root, 'repo');
	mkdirSync(repo);
	writeFileSync(path.join(repo, 'package.json'), `${JSON.stringify(MANIFEST, null, 2)}\n`);
	writeFileSync(path.join(repo, 'package-lock.json'), `${JSON.stringify(LOCK, null, 2)}\n`);
	writeFileSync(path.join(repo, 'CHANGELOG.md'), CHANGELOG);
	git('init', '--quiet');
	for (const [key, value] of [['user.name', 'Release Test'], ['user.email', 'release@test.invalid'], ['commit.gpgsign', 'false'], ['tag.gpgsign', 'false']]) {
		git('config', key, value);
	}
	git('add', '.');
	git('commit', '--quiet', '-m', 'Start');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('npm run release, in a throw-away repository', () => {
	it('bumps the version, moves the Unreleased notes, and makes one commit and the tag v<version>', () => {
		const start = git('rev-parse', 'HEAD');

		expect(runRelease('minor')).toBe('0.2.0');

		expect(testsRan()).toBe(true);
		expect(JSON.parse(read('package.json'))).toEqual({ ...MANIFEST, version: '0.2.0' });
		expect(JSON.parse(read('package-lock.json')).packages[''].version).toBe('0.2.0');
		expect(read('CHANGELOG.md')).toBe(CHANGELOG.replace('## [Unreleased]\n', '## [Unreleased]\n\n## [0.2.0] - 2026-12-01\n'));
		expect(git('rev-list', `${start}..HEAD`).split('\n')).toHaveLength(1);
		expect(git('log', '-1', '--format=%s')).toBe('Release 0.2.0');
		expect(git('show', '--name-only', '--format=', 'HEAD').split('\n').sort()).toEqual(['CHANGELOG.md', 'package-lock.json', 'package.json']);
		expect(git('tag', '--list')).toBe('v0.2.0');
		expect(git('cat-file', '-t', 'v0.2.0')).toBe('tag');
		expect(git('rev-parse', 'v0.2.0^{commit}')).toBe(git('rev-parse', 'HEAD'));
		expect(git('status', '--porcelain')).toBe('');
	});

	it('takes an exact version as well', () => {
		expect(runRelease('1.0.0')).toBe('1.0.0');
		expect(git('tag', '--list')).toBe('v1.0.0');
		expect(read('CHANGELOG.md')).toContain('## [Unreleased]\n\n## [1.0.0] - 2026-12-01\n\n### Added\n- Releasing.\n');
	});

	it('refuses a dirty tree before it runs the tests, whether a file changed or a new one appeared', () => {
		writeFileSync(path.join(repo, 'CHANGELOG.md'), `${CHANGELOG}- Not committed.\n`);
		expectRefused('patch', PASSING, /uncommitted changes[\s\S]*CHANGELOG\.md/);
		git('checkout', '--', 'CHANGELOG.md');
		writeFileSync(path.join(repo, 'stray.txt'), '');
		expectRefused('patch', PASSING, /uncommitted changes[\s\S]*stray\.txt/);
		expect(testsRan()).toBe(false);
	});

	it('refuses when the tests fail, and changes nothing', () => {
		expectRefused('patch', 'node -e "process.exitCode = 3"', /`node -e "process.exitCode = 3"` failed \(exit code 3\): nothing was released/);
		expect(read('CHANGELOG.md')).toBe(CHANGELOG);
	});

	it('refuses a missing or unknown bump, and a CHANGELOG with nothing to release, before it runs the tests', () => {
		expectRefused(undefined, PASSING, /Usage: npm run release -- <patch\|minor\|major\|x\.y\.z> \(got nothing\)/);
		expectRefused('huge', PASSING, /\(got "huge"\)/);
		writeFileSync(path.join(repo, 'CHANGELOG.md'), CHANGELOG.replace('### Added\n- Releasing.\n', ''));
		git('commit', '--quiet', '-am', 'Nothing to release');
		expectRefused('patch', PASSING, /nothing under "## \[Unreleased\]"/);
		expect(testsRan()).toBe(false);
	});

	it('refuses a version whose tag exists, and puts back the files it had bumped', () => {
		git('tag', 'v0.1.1');
		const head = git('rev-parse', 'HEAD');
		expect(() => runRelease('patch')).toThrow('The tag v0.1.1 already exists.');
		expect(git('rev-parse', 'HEAD')).toBe(head);
		expect(git('status', '--porcelain')).toBe('');
		expect(git('tag', '--list')).toBe('v0.1.1');
	});
});
