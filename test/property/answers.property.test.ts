import fc from 'fast-check';

import type { Fault } from '../../testkit/emulator/EpccEmulator';
import { EpccEmulator } from '../../testkit/emulator/EpccEmulator';
import { associationParameters, emulatorCredentials } from '../../testkit/engine/parameters';
import { runWorkflow } from '../../testkit/engine/runWorkflow';

type Kind = 'ok' | '429' | '503' | '502' | 'reset-before' | 'reset-after' | '400' | '403' | '500';

const retryable: Kind[] = ['429', '503', '502', 'reset-before', 'reset-after'];

function faultOf(kind: Kind): Fault | undefined {
	if (kind === 'ok') return undefined;
	if (kind === 'reset-before' || kind === 'reset-after') return { kind };
	const status = Number(kind);
	return { kind: 'answer', answer: { status, body: { errors: [{ status, title: `Injected ${status}` }] } } };
}

/** Per item: the answers its first attempts meet, and how slow its answers are. */
const itemPlan = fc.record({
	faults: fc.array(fc.constantFrom<Kind>('ok', '429', '503', '502', 'reset-before', 'reset-after', '400', '403', '500'), { maxLength: 2 }),
	latencyMs: fc.integer({ min: 0, max: 60 }),
});

describe('any mix of answers, in any order and timing', () => {
	const emulator = new EpccEmulator();
	let baseUrl = '';
	beforeAll(async () => (baseUrl = await emulator.start()));
	afterAll(async () => await emulator.stop());

	it('outputs one item per input, in input order, paired, and each with the outcome its answers call for', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(itemPlan, { minLength: 1, maxLength: 10 }), async (plans) => {
				emulator.log.length = 0;
				const items = plans.map((_plan, n) => {
					emulator.state.addCart(`p-cart-${n}`, { customers: [`p-cust-${n}`] });
					return { cartId: `p-cart-${n}`, customerId: `p-cust-${n}` };
				});
				const latency = new Map(items.map((item, n) => [`/v2/carts/${item.cartId}/relationships/customers`, plans[n].latencyMs]));
				emulator.options.latencyMs = (r) => latency.get(r.url) ?? 0;
				plans.forEach((plan, n) => {
					// Faults apply to this item's attempts in order; a fatal one ends them.
					for (const kind of plan.faults) {
						if (kind === 'ok') break;
						const fault = faultOf(kind);
						const url = `/v2/carts/${items[n].cartId}/relationships/customers`;
						if (fault) emulator.failNext(fault, 1, (r) => r.url === url);
						if (fault && !retryable.includes(kind)) break;
					}
				});

				const { output, error } = await runWorkflow({
					parameters: associationParameters('delete'),
					items,
					credentials: emulatorCredentials(baseUrl),
					continueOnFail: true,
				});

				expect(error).toBeUndefined();
				expect(output).toHaveLength(items.length);
				output.forEach((o, n) => {
					expect(o.pairedItem).toEqual({ item: n });
					expect(o.json.cartId).toBe(items[n].cartId);
					// The attempts meet the planned answers until one succeeds or one is fatal.
					const met = plans[n].faults.slice(0, (plans[n].faults.indexOf('ok') + 1 || plans[n].faults.length + 1) - 1);
					const fatal = met.find((kind) => !retryable.includes(kind));
					if (fatal) expect(o.json.httpCode).toBe(fatal);
					else expect(o.json.success).toBe(true);
				});
			}),
			{ numRuns: 15 },
		);
	});
});
