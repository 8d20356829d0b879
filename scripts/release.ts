/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- a command-line script in plain Node.js that runs git, npm and the tests */
/**
 * `npm run release -- <patch|minor|major|x.y.z>`: on a clean tree whose tests pass, bumps the version, moves the
 * CHANGELOG's Unreleased notes under it, commits and tags v<version>. `git push --follow-tags` then starts
 * .github/workflows/publish.yml, which publishes with provenance. RELEASE_TEST_COMMAND replaces `npm test`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { ChangelogError, hasUnreleasedChanges, releaseChangelog } from './lib/changelog';

export class ReleaseError extends Error {}

export interface ReleaseOptions {
	/** The repository's root folder. */
	cwd: string;
	/** What `npm version` takes: patch, minor, major or an exact version. */
	bump: string | undefined;
	/** The release date, YYYY-MM-DD. */
	date: string;
	/** RELEASE_TEST_COMMAND, when set, is run instead of `npm test`. */
	env: NodeJS.ProcessEnv;
	log: (line: string) => void;
}

const BUMP = /^(patch|minor|major|\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?)$/;
/** The files a release changes, and commits. */
const RELEASED_FILES = ['package.json', 'package-lock.json', 'CHANGELOG.md'];

/** Releases and returns the new version; a ReleaseError says why it would not, with the tree left as it was. */
export function release(options: ReleaseOptions): string {
	const { cwd, bump, log } = options;
	const git = (...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
	const changelogPath = path.join(cwd, 'CHANGELOG.md');

	if (!bump || !BUMP.test(bump)) {
		throw new ReleaseError(`Usage: npm run release -- <patch|minor|major|x.y.z> (got ${bump ? `"${bump}"` : 'nothing'}).`);
	}
	const dirty = git('status', '--porcelain');
	if (dirty) throw new ReleaseError(`The working tree has uncommitted changes; commit or stash them first:\n${dirty}`);
	if (!hasUnreleasedChanges(readFileSync(changelogPath, 'utf8'))) {
		throw new ReleaseError('CHANGELOG.md has nothing under "## [Unreleased]": write what this release changes first.');
	}

	const testCommand = options.env.RELEASE_TEST_COMMAND || 'npm test';
	log(`Running ${testCommand}...`);
	const tests = spawnSync(testCommand, { cwd, shell: true, stdio: 'inherit', env: options.env });
	if (tests.status !== 0) {
		throw new ReleaseError(`\`${testCommand}\` failed (${tests.signal ?? `exit code ${tests.status}`}): nothing was released.`);
	}

	const files = RELEASED_FILES.filter((file) => existsSync(path.join(cwd, file)));
	try {
		const bumped = spawnSync('npm', ['version', bump, '--no-git-tag-version'], { cwd, encoding: 'utf8' });
		if (bumped.status !== 0) throw new ReleaseError(`npm version ${bump} failed:\n${bumped.stderr.trim()}`);
		const { version } = JSON.parse(readFileSync(path.join(cwd, 'package.json'), 'utf8')) as { version: string };
		const tag = `v${version}`;
		if (git('tag', '--list', tag)) throw new ReleaseError(`The tag ${tag} already exists.`);
		writeFileSync(changelogPath, releaseChangelog(readFileSync(changelogPath, 'utf8'), version, options.date));
		git('add', '--', ...files);
		git('commit', '--quiet', '-m', `Release ${version}`);
		git('tag', '-a', tag, '-m', `Release ${version}`);
		log(`Released ${version}: commit ${git('rev-parse', '--short', 'HEAD')}, tag ${tag}. Publish it with: git push --follow-tags`);
		return version;
	} catch (error) {
		// The tree was clean when the release started: put back the files it changed (a no-op once committed).
		git('checkout', 'HEAD', '--', ...files);
		throw error instanceof ChangelogError ? new ReleaseError(error.message) : error;
	}
}

if (require.main === module) {
	try {
		release({
			cwd: process.cwd(),
			bump: process.argv[2],
			date: new Date().toISOString().slice(0, 10),
			env: process.env,
			log: (line) => console.log(line),
		});
	} catch (error) {
		console.error(error instanceof ReleaseError ? error.message : error);
		process.exitCode = 1;
	}
}
