import type { NodeConnectionTypes as ConnectionTypes } from 'n8n-workflow';
import * as workflow from 'n8n-workflow';

/*
 * The node runs on the host n8n's n8n-workflow, whatever its version (n8n 1.60 is the floor):
 * what it uses from there that older hosts lack is decided here, once.
 */

// n8n-workflow exports NodeConnectionTypes only since n8n 1.85; reading it on an older host fails to load the node.
const connectionTypes = (workflow as { NodeConnectionTypes?: typeof ConnectionTypes }).NodeConnectionTypes;

/** The main connection type: the enum's value where the host has it, its literal value elsewhere. */
export const MAIN = connectionTypes?.Main ?? 'main';

/**
 * `usableAsTool` where the node may be offered as an AI agent tool, `undefined` elsewhere.
 * n8n before 1.64 turned a node marked usableAsTool into its tool variant in place, the regular
 * node included: its outputs became ai_tool, and with "Continue (using error output)" every
 * item was lost. Hosts with NodeConnectionTypes (n8n 1.85 and later) are past that.
 */
export const USABLE_AS_TOOL: true | undefined = connectionTypes ? true : undefined;

/**
 * Whether n8n answers a webhook in "respond immediately" mode only once it has created (or
 * queued) the execution, as n8n 2.x does; n8n 1.x answers first and takes the execution after.
 * n8n-workflow 2.x no longer exports createDeferredPromise.
 */
export const ANSWERS_ONCE_EXECUTION_IS_TAKEN = !('createDeferredPromise' in workflow);
