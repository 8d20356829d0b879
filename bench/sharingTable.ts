import type { Figures, SharingResult, SharingScenario } from './sharing';

const COLUMNS = ['wall s', 'ratio', '429 %', 'to 0.9 s', 'failed', 'lost'];

function format(name: string, value: number | null | undefined): string {
	if (value === null) return 'never';
	if (value === undefined) return 'n/a';
	if (name === 'failed' || name === 'lost') return String(value);
	return value.toFixed(name === 'ratio' || name.startsWith('share') || name === 'store used' ? 3 : name.endsWith('%') ? 1 : 2);
}

const pair = (name: string, baseline: Figures | undefined, current: Figures) =>
	baseline ? `${format(name, baseline[name])} → ${format(name, current[name])}` : format(name, current[name]);

/** Wall time against the first execution alone at 100/s (sliding window) of the same build, in percent. */
function slower(scenarios: SharingScenario[], results: Array<{ baseline?: SharingResult; current: SharingResult }>, side: 'baseline' | 'current', wall: number | null) {
	const reference = scenarios.findIndex((s) => s.kind === 'alone' && s.limit === 100 && s.window === 'sliding');
	const alone = results[reference]?.[side]?.rows[0].figures['wall s'];
	return alone && wall !== null ? 100 * (wall / alone - 1) : null;
}

/** One line per execution (or node), each figure as "baseline → current". */
export function sharingTable(scenarios: SharingScenario[], results: Array<{ baseline?: SharingResult; current: SharingResult }>): string {
	const head = ['scenario', 'execution', ...COLUMNS, 'more', 'goal'];
	const body: string[][] = [];
	scenarios.forEach((scenario, s) => {
		const { baseline, current } = results[s];
		current.rows.forEach((row, r) => {
			const before = baseline?.rows[r]?.figures;
			const extra = { ...row.figures };
			if (scenario.kind === 'single429' || scenario.kind === 'random429') {
				extra['slower %'] = slower(scenarios, results, 'current', row.figures['wall s']);
				if (before) before['slower %'] = slower(scenarios, results, 'baseline', before['wall s']);
			}
			const more = Object.keys(extra)
				.filter((name) => !COLUMNS.includes(name))
				.map((name) => `${name}: ${pair(name, before, extra)}`)
				.join('; ');
			body.push([r === 0 ? scenario.label : '', row.label, ...COLUMNS.map((name) => pair(name, before, row.figures)), more, r === 0 ? scenario.goal : '']);
		});
	});
	const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
	const line = (cells: string[]) => cells.map((c, i) => (i < 2 || i >= head.length - 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ');
	return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)].join('\n');
}
