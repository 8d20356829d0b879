import type { TwoClientFigures } from '../../../../testkit/emulator/trafficFigures';
import { twoClientFigures } from '../../../../testkit/emulator/trafficFigures';
import type { WindowMode } from './storeSimulation';
import { execution, seededRandom, sharedPacerOn, simulate, SimulatedStore, VirtualClock } from './storeSimulation';

/** Two cold processes on one store, as the benchmark runs real n8n processes: 600 removals each, one pacer each. */
export interface TwoProcessScenario {
	limit: number;
	mode: WindowMode;
	/** The limit the credential states; undefined: Learn It. */
	known?: number;
	/** How long after the first the second process sends its first request. */
	staggerMs: number;
	seed: number;
	items?: number;
}

export async function twoProcesses(scenario: TwoProcessScenario): Promise<TwoClientFigures> {
	const clock = new VirtualClock();
	const store = new SimulatedStore(clock, scenario.limit, scenario.mode);
	const items = scenario.items ?? 600;
	const run = async (who: string, delayMs: number, seed: number) => {
		if (delayMs > 0) await clock.sleep(delayMs);
		await execution(clock, store, sharedPacerOn(clock, scenario.known), { who, items, random: seededRandom(seed), jitterMs: 5 });
	};
	await simulate(clock, [run('a', 0, scenario.seed * 2 + 1), run('b', scenario.staggerMs, scenario.seed * 2 + 2)]);
	return twoClientFigures(store.traffic(), ['a', 'b'], scenario.limit);
}
