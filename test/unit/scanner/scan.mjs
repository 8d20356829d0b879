/**
 * Runs n8n's community-package scanner (@n8n/scan-community-package) over a local folder: its own analyzePackage, with
 * its own ESLint config and file patterns. The scanner's CLI first asks the registry for the package's provenance and
 * downloads the attested source; none of that network part runs here.
 *
 * Plain Node.js because the scanner is an ES module, which jest's CommonJS runtime cannot load.
 * Usage: node scan.mjs <folder> <tarball|sources>
 * Prints JSON: the scanner's verdict, the files its lint run read and every message it gave, warnings included
 * (the verdict counts errors only, and its report lists nothing when there are none).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [folder, leg] = process.argv.slice(2);
const requireHere = createRequire(import.meta.url);
const scannerPath = requireHere.resolve('@n8n/scan-community-package/scanner/scanner.mjs');
// The ESLint the scanner itself imports, so its lint results can be recorded as well as its verdict.
const { ESLint } = await import(pathToFileURL(createRequire(scannerPath).resolve('eslint')).href);
const scanner = await import(pathToFileURL(scannerPath).href);

// The two legs of the scanner's analyzePackageByName: the source checkout with SOURCE_FILE_PATTERNS, the tarball's
// compiled JavaScript and package.json (its .d.ts files are left to the source leg).
const patterns = { sources: scanner.SOURCE_FILE_PATTERNS, tarball: ['**/*.js', 'package.json'] }[leg];
if (!folder || !patterns) throw new Error('Usage: node scan.mjs <folder> <tarball|sources>');

let results = [];
const lintFiles = ESLint.prototype.lintFiles;
ESLint.prototype.lintFiles = async function (...args) {
	results = await lintFiles.apply(this, args);
	return results;
};

const verdict = await scanner.analyzePackage(folder, patterns);
const relative = (file) => path.relative(folder, file).split(path.sep).join('/');
process.stdout.write(
	JSON.stringify({
		passed: verdict.passed,
		message: verdict.message,
		details: verdict.details,
		files: results.map((r) => relative(r.filePath)).sort(),
		messages: results.flatMap((r) =>
			r.messages.map((m) => ({
				file: relative(r.filePath),
				line: m.line,
				ruleId: m.ruleId,
				severity: m.severity === 2 ? 'error' : 'warning',
				text: m.message,
			})),
		),
	}),
);
