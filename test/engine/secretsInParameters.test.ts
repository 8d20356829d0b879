import { runWorkflow } from '../../testkit/engine/runWorkflow';
import { leakedSecrets } from './faults/secrets';
import { associationParameters, clientCredentials, useEmulator } from './fixtures';

describe('a token typed into a node option', () => {
	const emulator = useEmulator();

	it.each([true, false])('is not in the error or the run data (Continue On Fail %s)', async (continueOnFail) => {
		emulator().state.addCart('cart-1', { customers: ['someone-else'] });
		const typed = emulator().state.issueCustomerToken('cust-1');

		const { output, error, run } = await runWorkflow({
			parameters: associationParameters('delete', { customerToken: typed }),
			items: [{ cartId: 'cart-1', customerId: 'cust-1' }],
			credentials: clientCredentials(emulator()),
			continueOnFail,
		});

		expect(emulator().apiRequests()[0].headers['x-moltin-customer-token']).toBe(typed);
		expect(continueOnFail ? output[0].json.httpCode : error?.message).toBe(
			continueOnFail ? '403' : 'Elastic Path answered 403: Customer does not have the required permissions to fulfill this request',
		);
		expect(leakedSecrets({ output, error, nodeRun: run.data.resultData.runData['Elastic Path'], workflowError: run.data.resultData.error }, [typed])).toEqual([]);
	});
});
