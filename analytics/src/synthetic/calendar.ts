/**
 * When the synthetic calls arrive: the days of the history in the tenant's time zone, a weekday
 * factor, and an intraday curve over 15-minute slots from 08:00 to 21:00 local with peaks near
 * 10:00 and 15:00. N calls are spread over the day × slot cells by largest remainder, so exactly N.
 */
import type { Random } from './random.ts'

/** First and last local opening hour; slots are 15 minutes. */
export const OPEN_HOUR = 8
export const CLOSE_HOUR = 21
export const SLOTS_PER_DAY = (CLOSE_HOUR - OPEN_HOUR) * 4

/** Monday-first weekday factors (Monday busiest, weekends quiet). */
const WEEKDAY = [1.15, 1.0, 1.0, 0.98, 0.92, 0.45, 0.35]

/** One local day of the history. */
export interface HistoryDay {
  /** YYYY-MM-DD local. */
  date: string
  /** UTC ms of local midnight. */
  midnight: number
  /** 0 = Monday … 6 = Sunday. */
  weekday: number
  /** Calls per slot (SLOTS_PER_DAY entries). */
  slots: number[]
}

/** The weight of each slot: two bumps (10:00, 15:00) on a small base, a dip at lunch. */
export function slotWeights(): number[] {
  return Array.from({ length: SLOTS_PER_DAY }, (_, i) => {
    const hour = OPEN_HOUR + (i + 0.5) / 4
    const bump = (centre: number, width: number, height: number) => height * Math.exp(-((hour - centre) ** 2) / (2 * width ** 2))
    return 0.12 + bump(10, 1.1, 1) + bump(15, 1.4, 0.85) - bump(12.5, 0.5, 0.15)
  })
}

/** UTC ms of local midnight of a date in a time zone. */
export function localMidnight(date: string, timeZone: string): number {
  const guess = Date.parse(`${date}T00:00:00Z`)
  // The offset at local noon avoids the night of a DST change; opening hours never straddle one.
  return guess - offsetMs(guess + 12 * 3_600_000, timeZone)
}

/** The zone's offset from UTC at a moment, in ms. */
function offsetMs(ms: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(ms)
      .map((p) => [p.type, p.value])
  )
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second))
  return asUtc - Math.floor(ms / 1000) * 1000
}

/** The history's days (oldest first) with N calls spread over their slots. */
export function planDays(calls: number, days: number, endDate: string, timeZone: string, random: Random): HistoryDay[] {
  const end = Date.parse(`${endDate}T00:00:00Z`)
  const curve = slotWeights()
  const result: HistoryDay[] = []
  const weights: number[] = []
  for (let d = days - 1; d >= 0; d--) {
    const date = new Date(end - d * 86_400_000).toISOString().slice(0, 10)
    const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7
    // Some days are busier than others (±12%).
    const dayWeight = WEEKDAY[weekday] * random.between(0.88, 1.12)
    result.push({ date, midnight: localMidnight(date, timeZone), weekday, slots: [] })
    for (const w of curve) weights.push(dayWeight * w)
  }
  const counts = largestRemainder(weights, calls)
  result.forEach((day, d) => (day.slots = counts.slice(d * SLOTS_PER_DAY, (d + 1) * SLOTS_PER_DAY)))
  return result
}

/** Integers proportional to the weights that add up to exactly `total`. */
export function largestRemainder(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  const exact = weights.map((w) => (w / sum) * total)
  const counts = exact.map(Math.floor)
  let left = total - counts.reduce((a, b) => a + b, 0)
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1])
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) counts[order[k][1]] += 1
  return counts
}
