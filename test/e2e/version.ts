/* eslint-disable @n8n/community-nodes/no-restricted-globals -- jest's per-project globals name the n8n line */
import { N8N_VERSIONS } from '../../testkit/n8n/n8nProcess';

/** The n8n line this jest project runs against (see jest.e2e.config.js). */
export const N8N_VERSION: string = (globalThis as { N8N_E2E_VERSION?: string }).N8N_E2E_VERSION ?? N8N_VERSIONS[0];
