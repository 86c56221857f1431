/**
 * The synthetic contact center's people: queues with volume shares, agents in one queue each on an
 * early (≈08:00–17:00) or a late (≈12:00–21:30) shift, weekends on a rota, breaks and lunch as
 * not-ready reasons. Each agent's state changes are made in time order, so they form intervals.
 */
import type { IdMaker, Random } from './random.ts'
import { largestRemainder, type HistoryDay } from './calendar.ts'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/** A queue and its share of the calls. */
export interface SimQueue {
  id: string
  share: number
}

/** A planned not-ready period. */
interface Break {
  at: number
  minutes: number
  reason: string
}

/** An agent and where its day stands. */
export interface SimAgent {
  id: string
  queue: number
  /** Position in its queue's group: even early shift, odd late; 0 and 1 also work weekends. */
  slot: number
  state: string
  /** When the agent can next be offered a call. */
  freeAt: number
  logoutAt: number
  breaks: Break[]
  loggedIn: boolean
}

/** Queue shares: a few big queues and a tail (1, 1/2^0.9, 1/3^0.9 …). */
export function makeQueues(count: number, ids: IdMaker): SimQueue[] {
  const weights = Array.from({ length: count }, (_, k) => 1 / (k + 1) ** 0.9)
  const total = weights.reduce((a, b) => a + b, 0)
  return weights.map((w) => ({ id: ids.v4(), share: w / total }))
}

/**
 * Agents per queue: the number asked for, spread by share, or (0) enough for the peak 15 minutes
 * with one shift on: Erlangs = peak arrivals/s × ~260 s handled, at ~80% occupancy in the peak, plus one.
 */
export function makeAgents(queues: readonly SimQueue[], asked: number, days: readonly HistoryDay[], ids: IdMaker): SimAgent[] {
  let perQueue: number[]
  if (asked > 0) perQueue = largestRemainder(queues.map((q) => q.share), asked)
  else {
    const peak = Math.max(...days.flatMap((d) => d.slots))
    perQueue = queues.map((q) => 2 * (Math.ceil((((peak * q.share) / 900) * 260) / 0.8) + 1))
  }
  const agents: SimAgent[] = []
  perQueue.forEach((n, queue) => {
    for (let slot = 0; slot < n; slot++) agents.push({ id: ids.v4(), queue, slot, state: 'offline', freeAt: 0, logoutAt: 0, breaks: [], loggedIn: false })
  })
  return agents
}

/** Whether the agent works this day (weekdays all; weekends slots 0 and 1 plus a rotating 40%). */
export function worksOn(agent: SimAgent, day: HistoryDay, dayIndex: number): boolean {
  return day.weekday < 5 || agent.slot < 2 || (agent.slot + dayIndex) % 5 < 2
}

/** Sets the agent's shift for the day: login, logout and breaks (with jitter). */
export function planShift(agent: SimAgent, day: HistoryDay, random: Random) {
  const early = agent.slot % 2 === 0
  const at = (hour: number, jitterMinutes: number) => day.midnight + hour * HOUR + Math.round(random.next() * jitterMinutes * MINUTE)
  agent.freeAt = at(early ? 7.75 : 11.85, 12)
  agent.logoutAt = at(early ? 17 : 21.5, 8)
  agent.breaks = early
    ? [{ at: at(10.25, 50), minutes: 15, reason: 'break' }, { at: at(11.75, 75), minutes: 45, reason: 'lunch' }, { at: at(15.5, 45), minutes: 15, reason: 'break' }]
    : [{ at: at(13.75, 45), minutes: 15, reason: 'break' }, { at: at(17, 60), minutes: 40, reason: 'lunch' }, { at: at(19.5, 40), minutes: 15, reason: 'break' }]
  if (day.weekday < 5 && random.chance(0.08)) agent.breaks.push({ at: at(early ? 16.1 : 14.6, 10), minutes: 30, reason: early ? 'meeting' : 'training' })
  agent.breaks.sort((a, b) => a.at - b.at)
}

/** The next break the agent must take before being offered a call at `t`, if any. */
export function dueBreak(agent: SimAgent, t: number): Break | undefined {
  const next = agent.breaks[0]
  return next && next.at <= Math.max(t, agent.freeAt) && next.at < agent.logoutAt ? next : undefined
}
