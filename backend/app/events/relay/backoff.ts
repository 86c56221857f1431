/** How long the relay waits between failed passes. */
export interface BackoffOptions {
  initialMs: number
  maxMs: number
  /** Growth per failure (default 2). */
  factor?: number
  /** Share of the delay taken off at random, so several relays do not retry in step (default 0.2). */
  jitter?: number
}

/** The delay before retry number `attempt` (1 = after the first failure): exponential, capped. */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number = Math.random): number {
  const { initialMs, maxMs, factor = 2, jitter = 0.2 } = options
  const exponent = Math.max(0, Math.min(attempt - 1, 64))
  const capped = Math.min(maxMs, initialMs * factor ** exponent)
  return Math.round(capped * (1 - jitter * random()))
}
