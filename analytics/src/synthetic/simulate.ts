/**
 * The synthetic contact center, one local day at a time: calls arrive on the intraday curve, wait
 * in their queue for the longest-idle agent, are abandoned (short or long), answered within or
 * after the threshold, held, transferred to another queue, or first ring out at an agent (RONA);
 * agents log in for their shift, take breaks and lunch, and go reserved → busy → wrap-up → ready
 * with every call they take. Everything comes out as the envelopes' contents the backend records
 * (same types and payload fields), per call when it is finished and per agent in time order.
 */
import type { WrapInterval } from '../facts/call_segments.ts'
import { OPEN_HOUR, planDays, type HistoryDay } from './calendar.ts'
import { MinHeap } from './heap.ts'
import { MIX, type GenerateOptions } from './options.ts'
import { IdMaker, Random } from './random.ts'
import { dueBreak, makeAgents, makeQueues, planShift, worksOn, type SimAgent, type SimQueue } from './staff.ts'

/** One event as the backend would record it (the envelope without tenant and schema version). */
export interface SimEvent {
  id: string
  type: string
  at: number
  entityType: 'call' | 'agent'
  entityId: string
  actor: { type: string; id: string | null }
  payload: Record<string, unknown>
}

/** Where the simulation hands what it made. */
export interface SimSink {
  /** A finished call: its events in order and its agents' wrap-up intervals. */
  call(callId: string, events: SimEvent[], wraps: WrapInterval[]): void
  /** One agent state change; each agent's come in time order. */
  agent(event: SimEvent): void
}

const SECOND = 1000
const SYSTEM = { type: 'system', id: null }

/** A seeded simulation for one tenant: the same options give the same events, ids included. */
export class Simulation {
  readonly options: GenerateOptions
  readonly days: HistoryDay[]
  readonly queues: SimQueue[]
  readonly agents: SimAgent[]
  readonly entryPointId: string
  #random: Random
  #ids: IdMaker
  #queueCumulative: number[]
  #heaps: MinHeap<SimAgent>[] = []
  #gone: SimAgent[] = []
  #sink: SimSink = { call: () => {}, agent: () => {} }
  #recent: Array<{ ani: string; at: number }> = []
  #recentStart = 0

  constructor(options: GenerateOptions) {
    this.options = options
    this.#random = new Random(`traffic/${options.seed}`)
    this.#ids = new IdMaker(`${options.seed}/${options.tenantId}`)
    this.days = planDays(options.calls, options.days, options.endDate, options.timeZone, this.#random)
    this.queues = makeQueues(options.queues, this.#ids)
    this.agents = makeAgents(this.queues, options.agents, this.days, this.#ids)
    if ((options.queueIds?.length && options.queueIds.length !== this.queues.length) || (options.agentIds?.length && options.agentIds.length !== this.agents.length)) {
      throw new Error('the options give a different number of queue or agent ids than queues or agents')
    }
    // The organisation's real ids replace the made-up ones after they are drawn, so the rest of the stream (and the history) stays the same.
    options.queueIds?.forEach((id, i) => (this.queues[i].id = id))
    options.agentIds?.forEach((id, i) => (this.agents[i].id = id))
    this.entryPointId = this.#ids.v4()
    let sum = 0
    this.#queueCumulative = this.queues.map((q) => (sum += q.share))
  }

  /** Simulates one day (in order: call runDay(0), runDay(1) …), handing everything to the sink. */
  runDay(index: number, sink: SimSink): number {
    const day = this.days[index]
    this.#sink = sink
    this.#heaps = this.queues.map(() => new MinHeap<SimAgent>((a) => a.freeAt))
    this.#gone = []
    for (const agent of this.agents) {
      if (!worksOn(agent, day, index)) continue
      planShift(agent, day, this.#random)
      this.#agentEvent(agent, agent.freeAt, 'ready', 'agent', null)
      this.#heaps[agent.queue].push(agent)
    }
    const arrivals: number[] = []
    const open = day.midnight + OPEN_HOUR * 3_600_000
    day.slots.forEach((count, slot) => {
      for (let k = 0; k < count; k++) arrivals.push(Math.round(open + (slot + this.#random.next()) * 900_000))
    })
    arrivals.sort((a, b) => a - b)
    for (const at of arrivals) this.#call(at)
    for (const heap of this.#heaps) {
      for (const agent of heap.drain()) {
        for (let brk = dueBreak(agent, agent.logoutAt); brk; brk = dueBreak(agent, agent.logoutAt)) this.#takeBreak(agent)
        this.#logout(agent)
      }
    }
    return arrivals.length
  }

  #call(createdAt: number) {
    const r = this.#random
    const callId = this.#ids.v7(createdAt)
    const events: SimEvent[] = []
    const wraps: WrapInterval[] = []
    const push = (at: number, type: string, payload: Record<string, unknown>, actor: SimEvent['actor'] = SYSTEM) =>
      events.push({ id: this.#ids.v7(at), type, at, entityType: 'call', entityId: callId, actor, payload })
    const queue = r.pick(this.#queueCumulative)
    const queueId = this.queues[queue].id
    const voice = !r.chance(MIX.web)
    const ani = voice ? this.#ani(createdAt) : null
    let queuedAt = createdAt
    if (voice) {
      push(createdAt, 'call.created', { channel: 'voice', entryPointId: this.entryPointId, ani, dnis: '+864008001234' })
      queuedAt = createdAt + Math.round(r.between(4, 25) * SECOND)
    }
    push(queuedAt, 'call.queued', { queueId, channel: voice ? 'voice' : 'web', ani })

    if (r.chance(MIX.abandoned)) {
      const patience = r.chance(MIX.shortAbandon) ? r.between(1, 4.9) : 5 + Math.min(r.exponential(50), 900)
      push(queuedAt + Math.round(patience * SECOND), 'call.abandoned', { reason: 'abandoned', queueId, agentId: null, room: null })
      return this.#sink.call(callId, events, wraps)
    }
    const wait = r.chance(MIX.withinThreshold) ? r.between(2, MIX.thresholdSeconds - 0.5) : MIX.thresholdSeconds + Math.min(r.exponential(45), 900)
    const first = this.#answer(callId, queue, queuedAt, wait, push)
    const transfer = this.queues.length > 1 && r.chance(MIX.transferred)
    if (!transfer) {
      push(first.endAt, 'call.ended', { reason: 'hangup', queueId, agentId: first.agent.id, room: null })
      wraps.push(this.#wrapUp(first.agent, callId, first.endAt))
      return this.#sink.call(callId, events, wraps)
    }
    const to = (queue + 1 + Math.floor(r.next() * (this.queues.length - 1))) % this.queues.length
    push(first.endAt, 'call.transferred', { agentId: first.agent.id, queueId: this.queues[to].id, fromQueueId: queueId, to: 'queue', targetAgentId: null }, { type: 'user', id: first.agent.id })
    wraps.push(this.#wrapUp(first.agent, callId, first.endAt))
    const second = this.#answer(callId, to, first.endAt, r.between(3, 30), push)
    push(second.endAt, 'call.ended', { reason: 'hangup', queueId: this.queues[to].id, agentId: second.agent.id, room: null })
    wraps.push(this.#wrapUp(second.agent, callId, second.endAt))
    this.#sink.call(callId, events, wraps)
  }

  /** One answered segment: an optional RONA, the offer, the answer, talk and an optional hold. */
  #answer(callId: string, queue: number, queuedAt: number, waitSeconds: number, push: (at: number, type: string, payload: Record<string, unknown>, actor?: SimEvent['actor']) => void) {
    const r = this.#random
    const queueId = this.queues[queue].id
    const ring = Math.round(Math.min(r.between(2, 8), Math.max(0.4, waitSeconds * 0.6)) * SECOND)
    let earliest = queuedAt + 500
    if (r.chance(MIX.rona)) {
      const missed = this.#take(queue, queuedAt + SECOND)
      const at = Math.max(queuedAt + Math.round(r.between(1, 3) * SECOND), missed.freeAt)
      this.#agentEvent(missed, at, 'reserved', 'system', callId)
      push(at, 'call.offered', { offerId: this.#ids.v4(), agentId: missed.id, queueId, expiresAt: new Date(at + 15 * SECOND).toISOString() })
      this.#agentEvent(missed, at + 15 * SECOND, 'not_ready', 'system', callId, 'no_answer')
      push(at + 15 * SECOND, 'call.requeued', { rona: true })
      this.#agentEvent(missed, at + 15 * SECOND + Math.round(r.between(20, 120) * SECOND), 'ready', 'agent', null)
      this.#heaps[missed.queue].push(missed)
      earliest = at + 15 * SECOND + Math.round(r.between(1, 3) * SECOND)
    }
    const wanted = Math.max(earliest, queuedAt + Math.round(waitSeconds * SECOND) - ring)
    const agent = this.#take(queue, wanted)
    const offeredAt = Math.max(wanted, agent.freeAt)
    const answeredAt = offeredAt + ring
    const offerId = this.#ids.v4()
    this.#agentEvent(agent, offeredAt, 'reserved', 'system', callId)
    push(offeredAt, 'call.offered', { offerId, agentId: agent.id, queueId, expiresAt: new Date(offeredAt + 15 * SECOND).toISOString() })
    this.#agentEvent(agent, answeredAt, 'busy', 'system', callId)
    push(answeredAt, 'call.answered', { agentId: agent.id, offerId, queueId })
    const talk = Math.round(Math.min(3600, Math.max(15, r.logNormal(180, 0.65))) * SECOND)
    let endAt = answeredAt + talk
    if (r.chance(MIX.held)) {
      const heldAt = answeredAt + Math.round(talk * r.between(0.2, 0.7))
      const held = Math.round(r.between(10, 150) * SECOND)
      const user = { type: 'user', id: agent.id }
      push(heldAt, 'call.held', { agentId: agent.id, queueId }, user)
      push(heldAt + held, 'call.retrieved', { agentId: agent.id, queueId, heldSeconds: Math.round(held / SECOND) }, user)
      endAt += held
    }
    return { agent, endAt }
  }

  /** Busy → wrap-up when the segment ends, then ready; the agent is free again after that. */
  #wrapUp(agent: SimAgent, callId: string, endAt: number): WrapInterval {
    const endedAt = endAt + Math.round((5 + Math.min(this.#random.exponential(25), 300)) * SECOND)
    this.#agentEvent(agent, endAt, 'wrap_up', 'system', callId)
    this.#agentEvent(agent, endedAt, 'ready', 'agent', callId)
    this.#heaps[agent.queue].push(agent)
    return { agentId: agent.id, startedAt: endAt, endedAt }
  }

  /**
   * The longest-idle agent of the queue for an offer at `t` (taken out of the queue's heap until
   * its call is done). Breaks that are due come first; agents past their shift log out; an empty
   * queue borrows from another; when everyone has gone home someone stays on (overtime).
   */
  #take(queue: number, t: number): SimAgent {
    for (;;) {
      let heap = this.#heaps[queue]
      if (!heap.size) heap = this.#heaps.reduce((best, h) => (h.size && (!best.size || h.peek()!.freeAt < best.peek()!.freeAt) ? h : best), heap)
      const agent = heap.peek()
      if (!agent) return this.#overtime(t)
      if (dueBreak(agent, t)) {
        heap.pop()
        this.#takeBreak(agent)
        heap.push(agent)
      } else if (Math.max(t, agent.freeAt) >= agent.logoutAt) {
        heap.pop()
        this.#logout(agent)
        this.#gone.push(agent)
      } else return heap.pop()!
    }
  }

  #takeBreak(agent: SimAgent) {
    const brk = agent.breaks.shift()!
    const start = Math.max(brk.at, agent.freeAt)
    this.#agentEvent(agent, start, 'not_ready', 'agent', null, brk.reason)
    this.#agentEvent(agent, start + brk.minutes * 60 * SECOND, 'ready', 'agent', null)
  }

  #logout(agent: SimAgent) {
    this.#agentEvent(agent, Math.max(agent.logoutAt, agent.freeAt), 'offline', 'agent', null)
  }

  #overtime(t: number): SimAgent {
    if (!this.#gone.length) throw new Error('no agent works this day')
    const index = this.#gone.reduce((best, a, i) => (a.freeAt < this.#gone[best].freeAt ? i : best), 0)
    const [agent] = this.#gone.splice(index, 1)
    this.#agentEvent(agent, Math.max(agent.freeAt, t - 60 * SECOND), 'ready', 'agent', null)
    agent.logoutAt = agent.freeAt + 3_600_000
    agent.breaks = []
    return agent
  }

  /** One agent.state_changed; the agent is next free a second after it. */
  #agentEvent(agent: SimAgent, at: number, to: string, by: string, callId: string | null, reason: string | null = null) {
    const actor = by === 'system' ? SYSTEM : { type: 'user', id: agent.id }
    this.#sink.agent({ id: this.#ids.v7(at), type: 'agent.state_changed', at, entityType: 'agent', entityId: agent.id, actor, payload: { from: agent.state, to, reason, by, callId } })
    agent.state = to
    agent.freeAt = at + SECOND
  }

  /** A caller's number: one who called in the last few days again (first-contact resolution), or a new one. */
  #ani(at: number): string {
    const r = this.#random
    const horizon = at - MIX.repeatWithinDays * 86_400_000
    while (this.#recentStart < this.#recent.length && this.#recent[this.#recentStart].at < horizon) this.#recentStart++
    if (this.#recentStart > 100_000) {
      this.#recent = this.#recent.slice(this.#recentStart)
      this.#recentStart = 0
    }
    const available = this.#recent.length - this.#recentStart
    const ani = available && r.chance(MIX.repeat)
      ? this.#recent[this.#recentStart + Math.floor(r.next() * available)].ani
      : `+861${30 + (r.u32() % 60)}${String(r.u32() % 100_000_000).padStart(8, '0')}`
    this.#recent.push({ ani, at })
    return ani
  }
}
