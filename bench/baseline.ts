/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- the benchmark builds an earlier commit with git and tsc */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

import { REPO } from '../testkit/n8n/n8nProcess';

/** main before issue 10 (the merge of issue 13): the transport every sharing scenario is compared with. */
export const BASELINE_COMMIT = 'b736856';

/**
 * The build to compare with: EPCC_BENCH_BASELINE_DIST (a dist/ folder; `none` for no baseline),
 * else BASELINE_COMMIT compiled once into node_modules/.cache, where the build still finds the
 * repository's n8n-workflow, the one the benchmark's engine uses.
 */
export function baselineDist(): string | undefined {
	const given = process.env.EPCC_BENCH_BASELINE_DIST;
	if (given === 'none') return undefined;
	if (given) return path.resolve(given);
	const folder = path.join(REPO, 'node_modules', '.cache', 'epcc-bench-baseline', BASELINE_COMMIT);
	const dist = path.join(folder, 'dist');
	if (existsSync(path.join(dist, 'nodes', 'ElasticPath', 'ElasticPath.node.js'))) return dist;
	rmSync(folder, { recursive: true, force: true });
	mkdirSync(folder, { recursive: true });
	const archive = execFileSync('git', ['archive', BASELINE_COMMIT, 'nodes', 'credentials', 'package.json', 'tsconfig.json'], { cwd: REPO, maxBuffer: 1 << 28 });
	execFileSync('tar', ['-x', '-C', folder], { input: archive });
	execFileSync(process.execPath, [path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(folder, 'tsconfig.json')], { stdio: 'inherit' });
	return dist;
}
