/*
 * The time and the cancellation the rate folder works with, so that it needs nothing from the
 * transport above it: the transport's own waits use the same.
 */

/**
 * Milliseconds on a clock that only moves forward: pacing, backoff and token retries measure
 * intervals, and a wall clock stepped back (NTP, a VM resumed) would stall every request to a
 * store by the size of the step.
 */
export const now = (): number => performance.now();

export const cancelled = () => new Error('The execution was cancelled');
