import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { requestSettingsDescription } from '../../../nodes/ElasticPath/actions/shared/requestSettings';
import { sessionFor } from '../../../nodes/ElasticPath/transport';

/** The settings the transport reads for one execution whose Request Settings are `raw`. */
function settingsFor(raw: Record<string, unknown>) {
	const context = { getNodeParameter: () => raw } as unknown as IExecuteFunctions;
	return sessionFor(context).settings as unknown as Record<string, number>;
}

/**
 * The panel lives beside the actions, the values it sets are read in the transport: the two must
 * agree on each setting's default and bounds.
 */
describe.each((requestSettingsDescription.options as INodeProperties[]).map((option) => [option.name, option]))(
	'Request Settings › %s',
	(name, option) => {
		it("is read with the panel's default when it is not set", () => {
			expect(settingsFor({})[name]).toBe(option.default);
		});

		it("is kept within the panel's bounds", () => {
			const { minValue, maxValue } = option.typeOptions ?? {};
			expect(settingsFor({ [name]: Number(minValue) - 1 })[name]).toBe(minValue);
			if (maxValue !== undefined) expect(settingsFor({ [name]: Number(maxValue) + 1 })[name]).toBe(maxValue);
			else expect(settingsFor({ [name]: 1e9 })[name]).toBe(1e9);
		});
	},
);
