/**
 * The CHANGELOG edit of a release (Keep a Changelog): the notes under `## [Unreleased]` move under a new
 * `## [<version>] - <date>` heading, and an empty Unreleased section stays on top for what comes next.
 */

export class ChangelogError extends Error {}

const UNRELEASED_HEADING = /^## \[?Unreleased\]?\s*$/i;
const SECTION_HEADING = /^## /;

interface Unreleased {
	/** Index of the `## [Unreleased]` line. */
	heading: number;
	/** Index of the next `## ` heading (or the line count). */
	end: number;
	/** The section's lines, without the blank lines around them. */
	notes: string[];
}

function findUnreleased(lines: string[]): Unreleased | undefined {
	const heading = lines.findIndex((line) => UNRELEASED_HEADING.test(line));
	if (heading < 0) return undefined;
	const next = lines.findIndex((line, i) => i > heading && SECTION_HEADING.test(line));
	const end = next < 0 ? lines.length : next;
	const notes = lines.slice(heading + 1, end);
	while (notes.length && !notes[0].trim()) notes.shift();
	while (notes.length && !notes[notes.length - 1].trim()) notes.pop();
	return { heading, end, notes };
}

/** Whether the changelog has an Unreleased section with something in it: a release with no notes is refused. */
export function hasUnreleasedChanges(changelog: string): boolean {
	return Boolean(findUnreleased(changelog.split('\n'))?.notes.length);
}

/**
 * The changelog with its Unreleased notes under `## [<version>] - <date>` (brackets as the Unreleased heading has
 * them), right below a now empty Unreleased section. Everything else is kept as it was.
 */
export function releaseChangelog(changelog: string, version: string, date: string): string {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new ChangelogError(`The release date must be YYYY-MM-DD, not "${date}".`);
	const lines = changelog.split('\n');
	const unreleased = findUnreleased(lines);
	if (!unreleased) throw new ChangelogError('CHANGELOG.md has no "## [Unreleased]" section to release.');
	if (!unreleased.notes.length) throw new ChangelogError('CHANGELOG.md has nothing under "## [Unreleased]": write what this release changes first.');
	const escaped = version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	if (lines.some((line) => new RegExp(`^## \\[?${escaped}\\]?(\\s|$)`).test(line))) {
		throw new ChangelogError(`CHANGELOG.md already has a section for ${version}.`);
	}
	const bracketed = lines[unreleased.heading].includes('[');
	const heading = bracketed ? `## [${version}] - ${date}` : `## ${version} - ${date}`;
	const rest = lines.slice(unreleased.end);
	return [
		...lines.slice(0, unreleased.heading + 1),
		'',
		heading,
		'',
		...unreleased.notes,
		...(rest.length ? ['', ...rest] : ['']),
	].join('\n');
}
