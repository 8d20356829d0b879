/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test setup runs in plain Node.js */
import { tmpdir } from 'node:os';
import path from 'node:path';

/** n8n-core's own log lines go to a file per test worker: quiet output, and something to search for leaked secrets. */
export const N8N_LOG_FILE = path.join(tmpdir(), 'n8n-nodes-elasticpath-tests', `n8n-${process.pid}.log`);

process.env.N8N_LOG_OUTPUT = 'file';
process.env.N8N_LOG_FILE_LOCATION = N8N_LOG_FILE;
process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL ?? 'debug';
