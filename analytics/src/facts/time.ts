const minutes = new Map<number, string>()

/**
 * Milliseconds since the epoch as ClickHouse's DateTime64(3, 'UTC') text (`2026-01-01 10:00:00.000`).
 * The minute's text is cached: formatting dates dominates writing millions of facts otherwise.
 */
export function chTime(at: number): string {
  const ms = Math.floor(at)
  const minute = Math.floor(ms / 60_000)
  let prefix = minutes.get(minute)
  if (prefix === undefined) {
    if (minutes.size > 100_000) minutes.clear()
    prefix = new Date(minute * 60_000).toISOString().replace('T', ' ').slice(0, 17)
    minutes.set(minute, prefix)
  }
  const rest = ms - minute * 60_000
  return `${prefix}${String(Math.floor(rest / 1000)).padStart(2, '0')}.${String(rest % 1000).padStart(3, '0')}`
}

/** ClickHouse DateTime/DateTime64 text in UTC back to milliseconds. */
export function fromChTime(text: string): number {
  return Date.parse(`${text.replace(' ', 'T')}Z`)
}

/** The start of the 15-minute bucket holding a moment. */
export function bucketOf(ms: number): number {
  return Math.floor(ms / 900_000) * 900_000
}

/** Seconds between two moments, to the millisecond. */
export function secondsBetween(from: number, to: number): number {
  return Math.max(0, Math.round(to - from)) / 1000
}
