/*
 * The time and the cancellation the rate folder works with, so that it needs nothing from the
 * transport above it: the transport's own waits use the same.
 */

export const cancelled = () => new Error('The execution was cancelled');
