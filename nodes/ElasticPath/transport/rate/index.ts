/*
 * The rate folder's surface: how fast one store may be sent requests, learned from its answers
 * and shared by every execution in the process. It imports nothing from the transport above it.
 */
export { cancelled, now } from './clock';
export type { SendTicket } from './controller';
export { RateController, TUNING, WINDOW_MS } from './controller';
export { Pacer, RequestCap } from './pacer';
export { FORGET_AFTER_MS, knownStoreCount, REMEMBER_RATE_MS, sharedPacer } from './registry';
