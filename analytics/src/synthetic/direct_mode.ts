/**
 * `--mode=direct`: the facts the ingestor would derive, written straight into `call_segments` and
 * `agent_state_intervals` in large JSONEachRow inserts, then the rollups rebuilt by the package's
 * own rollup queries. The rows come from the same pure derivations the ingestor runs
 * (`segmentsOfCall`, and `intervalBetween` for each pair of an agent's consecutive changes), fed in memory instead of from stored
 * events, so both modes give identical facts (the tests compare them row for row). No raw events
 * are written.
 */
import { intervalBetween, type AgentIntervalRow } from '../facts/agent_intervals.ts'
import { segmentsOfCall, type CallSegmentRow, type WrapInterval } from '../facts/call_segments.ts'
import type { SimEvent, SimSink } from './simulate.ts'

/** Collects one tenant's fact rows from the simulation until they are flushed. */
export class FactRows implements SimSink {
  segments: CallSegmentRow[] = []
  intervals: AgentIntervalRow[] = []
  #tenantId: string
  #last = new Map<string, SimEvent>()

  constructor(tenantId: string) {
    this.#tenantId = tenantId
  }

  call(callId: string, events: SimEvent[], wraps: WrapInterval[]) {
    for (const row of segmentsOfCall(this.#tenantId, callId, events, wraps)) this.segments.push(row)
  }

  agent(event: SimEvent) {
    // An interval is closed by the agent's next change, across days too (the night is 'offline').
    const previous = this.#last.get(event.entityId)
    if (previous) this.intervals.push(intervalBetween(this.#tenantId, event.entityId, previous, event))
    this.#last.set(event.entityId, event)
  }

  /** Takes the rows collected so far. */
  take() {
    const taken = { segments: this.segments, intervals: this.intervals }
    this.segments = []
    this.intervals = []
    return taken
  }
}
