import { ChangelogError, hasUnreleasedChanges, releaseChangelog } from '../../../scripts/lib/changelog';

const HEADER = ['# Changelog', '', 'All notable changes to this package are documented here.', ''];
const RELEASED = ['## [0.1.0] - 2026-11-25', '', '### Added', '- The node.', ''];

const text = (...lines: string[]) => lines.join('\n');

describe('releaseChangelog', () => {
	it('moves the Unreleased notes under the new version, below an empty Unreleased section, and keeps the rest', () => {
		const before = text(...HEADER, '## [Unreleased]', '', '### Added', '- Releasing.', '', '### Fixed', '- A bug.', '', ...RELEASED);
		expect(releaseChangelog(before, '0.2.0', '2026-12-01')).toBe(text(
			...HEADER,
			'## [Unreleased]',
			'',
			'## [0.2.0] - 2026-12-01',
			'',
			'### Added',
			'- Releasing.',
			'',
			'### Fixed',
			'- A bug.',
			'',
			...RELEASED,
		));
	});

	it('keeps blank lines inside the notes and drops the ones around them', () => {
		const before = text('## [Unreleased]', '', '', '- One.', '', '- Two.', '', '', '', ...RELEASED);
		expect(releaseChangelog(before, '0.2.0', '2026-12-01')).toBe(text(
			'## [Unreleased]', '', '## [0.2.0] - 2026-12-01', '', '- One.', '', '- Two.', '', ...RELEASED,
		));
	});

	it('releases an Unreleased section that is the last one, ending with one newline', () => {
		expect(releaseChangelog(text('# Changelog', '', '## [Unreleased]', '- First.'), '0.1.0', '2026-11-25')).toBe(
			text('# Changelog', '', '## [Unreleased]', '', '## [0.1.0] - 2026-11-25', '', '- First.', ''),
		);
	});

	it('writes the heading without brackets when the Unreleased heading has none', () => {
		expect(releaseChangelog(text('## Unreleased', '- One.', ''), '1.0.0', '2027-01-02')).toBe(
			text('## Unreleased', '', '## 1.0.0 - 2027-01-02', '', '- One.', ''),
		);
	});

	it('refuses a changelog without an Unreleased section, with nothing in it, or that already has the version', () => {
		const release = (changelog: string) => () => releaseChangelog(changelog, '0.1.0', '2026-12-01');
		expect(release(text(...HEADER, ...RELEASED))).toThrow(new ChangelogError('CHANGELOG.md has no "## [Unreleased]" section to release.'));
		expect(release(text('## [Unreleased]', '', '', ...RELEASED))).toThrow(/nothing under "## \[Unreleased\]"/);
		expect(release(text('## [Unreleased]', '- Again.', '', ...RELEASED))).toThrow('CHANGELOG.md already has a section for 0.1.0.');
		expect(() => releaseChangelog(text('## [Unreleased]', '- One.'), '0.2.0', '1 Dec 2026')).toThrow(/YYYY-MM-DD/);
	});

	it('does not take a version for its prefix: 0.1.0 is not 0.1.01 or 10.1.0', () => {
		expect(releaseChangelog(text('## [Unreleased]', '- One.', '', '## [10.1.0] - 2026-01-01', '## [0.1.01] - 2026-01-01'), '0.1.0', '2026-12-01'))
			.toContain('## [0.1.0] - 2026-12-01');
	});
});

describe('hasUnreleasedChanges', () => {
	it('is true only when the Unreleased section holds something other than blank lines', () => {
		expect(hasUnreleasedChanges(text('## [Unreleased]', '', '### Added', '', ...RELEASED))).toBe(true);
		expect(hasUnreleasedChanges(text('## [Unreleased]', '', '', ...RELEASED))).toBe(false);
		expect(hasUnreleasedChanges(text('## [Unreleased]'))).toBe(false);
		expect(hasUnreleasedChanges(text(...HEADER, ...RELEASED))).toBe(false);
	});
});
