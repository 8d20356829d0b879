import type { IExecuteFunctions } from 'n8n-workflow';

import { failureToNodeError } from './apiError';
import { summarizeErrorBody } from './errorBody';
import type { EpccResponse } from './request';

/**
 * The error for an answer an operation accepted in order to look at it first (see
 * `acceptStatuses`): the usual message (status and what Elastic Path said), with a
 * description only the operation can give.
 */
export function answerError(context: IExecuteFunctions, itemIndex: number, response: EpccResponse, hint: string) {
	const error = failureToNodeError(
		context.getNode(),
		{ kind: 'answer', status: response.statusCode, headers: {}, body: response.body },
		itemIndex,
	);
	const { requestId } = summarizeErrorBody(response.body);
	error.description = [hint, requestId ? `Request ID: ${requestId}` : undefined].filter(Boolean).join(' ');
	return error;
}
