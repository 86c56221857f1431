/** Milliseconds since the epoch as ClickHouse's DateTime64(3, 'UTC') text (`2026-01-01 10:00:00.000`). */
export function chTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '')
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
