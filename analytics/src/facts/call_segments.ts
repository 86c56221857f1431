import { byTime, text, type StoredEvent } from './stored_event.ts'
import { chTime, fromChTime, secondsBetween } from './time.ts'

/** The agent of a RONA whose offer named none. */
const NIL = '00000000-0000-0000-0000-000000000000'

/** A wrap-up interval of some agent for this call (from `agent_state_intervals`). */
export interface WrapInterval {
  agentId: string
  startedAt: number
  endedAt: number
}

/** One finished segment as the `call_segments` row. */
export interface CallSegmentRow {
  tenant_id: string
  started_at: string
  call_id: string
  segment_no: number
  direction: 'inbound' | 'outbound'
  channel: string
  ani: string
  dnis: string
  entry_point_id: string | null
  queue_id: string | null
  agent_id: string | null
  created_at: string
  queued_at: string | null
  first_offered_at: string | null
  answered_at: string | null
  ended_at: string
  wrap_ended_at: string | null
  wait_seconds: number
  talk_seconds: number
  hold_seconds: number
  wrap_seconds: number
  offers: number
  rona: number
  /** The agent of each RONA, in order (the nil uuid when the offer named none). */
  rona_agents: string[]
  holds: number
  outcome: string
  end_reason: string
  answered: number
  abandoned: number
  transferred: number
  transferred_to: string
  version: number
}

/** A segment while the call's events are walked. */
interface OpenSegment {
  startedAt: number
  queueId: string | null
  agentId: string | null
  queuedAt: number | null
  firstOfferedAt: number | null
  answeredAt: number | null
  holdSince: number | null
  holdMs: number
  holds: number
  offers: number
  /** The agent of the latest offer, until it is answered or rings out. */
  offeredTo: string | null
  ronaAgents: string[]
}

/** What the call as a whole says (from call.created / call.queued / call.dialled). */
interface CallInfo {
  createdAt: number | null
  direction: 'inbound' | 'outbound'
  channel: string
  ani: string
  dnis: string
  entryPointId: string | null
}

/**
 * The finished segments of one call from its events (in bus order) and its agents' wrap-up
 * intervals. A segment ends with the call (`call.ended`, `call.abandoned`) or when the call moves
 * on (`call.transferred`, `call.overflowed`, `call.intercepted`), and the next one starts there.
 * Talk = answered → end less hold; wait = queued → answered (or → end when never answered); wrap =
 * the segment's agent's wrap-up interval for this call. The version is the number of inputs, so a
 * derivation that saw more replaces one that saw less.
 */
export function segmentsOfCall(tenantId: string, callId: string, events: readonly StoredEvent[], wraps: readonly WrapInterval[] = []): CallSegmentRow[] {
  const sorted = [...events].sort(byTime)
  const info: CallInfo = { createdAt: null, direction: 'inbound', channel: '', ani: '', dnis: '', entryPointId: null }
  const finished: Array<{ segment: OpenSegment; endedAt: number; outcome: string; endReason: string; transferredTo: string }> = []
  let open: OpenSegment | null = null
  const start = (at: number, fields: Partial<OpenSegment> = {}): OpenSegment => ({
    startedAt: at, queueId: null, agentId: null, queuedAt: null, firstOfferedAt: null, answeredAt: null, holdSince: null, holdMs: 0, holds: 0, offers: 0, offeredTo: null, ronaAgents: [], ...fields,
  })
  const close = (at: number, outcome: string, endReason: string, transferredTo = '') => {
    if (!open) return
    if (open.holdSince !== null) open.holdMs += Math.max(0, at - open.holdSince)
    finished.push({ segment: open, endedAt: at, outcome, endReason, transferredTo })
    open = null
  }

  for (const e of sorted) {
    const p = e.payload
    info.createdAt ??= e.at
    switch (e.type) {
      case 'call.created':
        info.createdAt = e.at
        info.channel = text(p, 'channel') ?? info.channel
        info.ani = text(p, 'ani') ?? info.ani
        info.dnis = text(p, 'dnis') ?? info.dnis
        info.entryPointId = text(p, 'entryPointId') ?? info.entryPointId
        break
      case 'call.queued':
        info.channel = text(p, 'channel') ?? info.channel
        info.ani = text(p, 'ani') ?? info.ani
        if (!open) open = start(e.at)
        open.queueId = text(p, 'queueId') ?? open.queueId
        open.queuedAt ??= e.at
        break
      case 'call.dialled':
        info.direction = 'outbound'
        info.channel ||= 'voice'
        info.dnis = text(p, 'dnis') ?? info.dnis
        open = start(e.at, { agentId: text(p, 'agentId'), queueId: text(p, 'queueId'), answeredAt: e.at })
        break
      case 'call.offered':
        open ??= start(e.at, { queueId: text(p, 'queueId') })
        open.offers += 1
        open.firstOfferedAt ??= e.at
        open.offeredTo = text(p, 'agentId')
        break
      case 'call.requeued':
        if (open && p.rona === true) open.ronaAgents.push(open.offeredTo ?? NIL)
        if (open) open.offeredTo = null
        break
      case 'call.answered':
        open ??= start(e.at, { queueId: text(p, 'queueId') })
        open.answeredAt ??= e.at
        open.agentId = text(p, 'agentId') ?? open.agentId
        break
      case 'call.held':
        if (open && open.holdSince === null) {
          open.holdSince = e.at
          open.holds += 1
        }
        break
      case 'call.retrieved':
        if (open && open.holdSince !== null) {
          open.holdMs += Math.max(0, e.at - open.holdSince)
          open.holdSince = null
        }
        break
      case 'call.transferred': {
        const to = text(p, 'to') ?? ''
        if (open) open.agentId ??= text(p, 'agentId')
        close(e.at, 'transferred', 'transferred', to)
        // A transfer to an agent or a queue puts the call back in a queue; to a number it leaves us.
        if (to !== 'number') open = start(e.at, { queueId: text(p, 'queueId'), queuedAt: e.at })
        break
      }
      case 'call.overflowed':
        close(e.at, 'overflowed', 'overflowed')
        open = start(e.at, { queueId: text(p, 'to'), queuedAt: e.at })
        break
      case 'call.intercepted': {
        const queueId = open?.queueId ?? text(p, 'queueId')
        close(e.at, 'intercepted', 'intercepted')
        open = start(e.at, { queueId, agentId: text(p, 'agentId'), answeredAt: e.at })
        break
      }
      case 'call.ended':
      case 'call.abandoned': {
        const reason = text(p, 'reason') ?? (e.type === 'call.abandoned' ? 'abandoned' : 'ended')
        if (open) open.agentId ??= text(p, 'agentId')
        const outcome =
          e.type === 'call.abandoned' ? 'abandoned'
          : reason === 'voicemail' ? 'voicemail'
          : reason === 'callback_cancelled' ? 'callback'
          : open?.answeredAt != null ? 'answered'
          : 'unanswered'
        close(e.at, outcome, reason)
        break
      }
    }
  }

  const version = events.length + wraps.length
  return finished.map(({ segment, endedAt, outcome, endReason, transferredTo }, index) => {
    const wrap = segment.agentId && segment.answeredAt !== null ? wrapOf(segment.agentId, endedAt, wraps) : null
    const answered = segment.answeredAt !== null
    const waitFrom = segment.queuedAt
    return {
      tenant_id: tenantId,
      started_at: chTime(segment.queuedAt ?? segment.startedAt),
      call_id: callId,
      segment_no: index + 1,
      direction: info.direction,
      channel: info.channel,
      ani: info.ani,
      dnis: info.dnis,
      entry_point_id: info.entryPointId,
      queue_id: segment.queueId,
      agent_id: segment.agentId,
      created_at: chTime(info.createdAt ?? segment.startedAt),
      queued_at: segment.queuedAt === null ? null : chTime(segment.queuedAt),
      first_offered_at: segment.firstOfferedAt === null ? null : chTime(segment.firstOfferedAt),
      answered_at: segment.answeredAt === null ? null : chTime(segment.answeredAt),
      ended_at: chTime(endedAt),
      wrap_ended_at: wrap ? chTime(wrap.endedAt) : null,
      wait_seconds: waitFrom === null ? 0 : secondsBetween(waitFrom, segment.answeredAt ?? endedAt),
      talk_seconds: answered ? Math.max(0, secondsBetween(segment.answeredAt!, endedAt) - segment.holdMs / 1000) : 0,
      hold_seconds: segment.holdMs / 1000,
      wrap_seconds: wrap ? secondsBetween(wrap.startedAt, wrap.endedAt) : 0,
      offers: segment.offers,
      rona: segment.ronaAgents.length,
      rona_agents: segment.ronaAgents,
      holds: segment.holds,
      outcome,
      end_reason: endReason,
      answered: answered ? 1 : 0,
      abandoned: outcome === 'abandoned' ? 1 : 0,
      transferred: outcome === 'transferred' ? 1 : 0,
      transferred_to: transferredTo,
      version,
    }
  })
}

/**
 * The agent's wrap-up for the segment that ended at `endedAt`: the agent's wrap-up interval for
 * this call that starts closest to that end (the state change is written a moment before the
 * ending event, in the same transaction).
 */
function wrapOf(agentId: string, endedAt: number, wraps: readonly WrapInterval[]): WrapInterval | null {
  let best: WrapInterval | null = null
  for (const wrap of wraps) {
    if (wrap.agentId !== agentId) continue
    if (!best || Math.abs(wrap.startedAt - endedAt) < Math.abs(best.startedAt - endedAt)) best = wrap
  }
  return best && Math.abs(best.startedAt - endedAt) < 60_000 ? best : null
}

/** Reads a wrap-up interval row back. */
export function wrapIntervalOf(row: { agent: string; started: string; ended: string }): WrapInterval {
  return { agentId: row.agent, startedAt: fromChTime(row.started), endedAt: fromChTime(row.ended) }
}
