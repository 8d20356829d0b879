import type { IExecuteFunctions } from 'n8n-workflow';

import { answerToNodeError } from './apiError';
import type { EpccResponse } from './request';

/**
 * The error for an answer an operation accepted in order to look at it first (see
 * `acceptStatuses`): the usual message (status and what Elastic Path said), with a
 * description only the operation can give.
 */
export function answerError(context: IExecuteFunctions, itemIndex: number, response: EpccResponse, hint: string) {
	return answerToNodeError(context.getNode(), response.statusCode, response.body, itemIndex, { hint });
}
