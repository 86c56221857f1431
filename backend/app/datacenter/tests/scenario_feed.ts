/**
 * Puts the hand-worked five-call scenario of @cc/analytics into the process's analytics store for a
 * test organisation, shifted by whole days and, when asked, with the scenario's queue and agent
 * ids swapped for real ones of the organisation (so names can be looked up).
 */
import { Ingestor } from '@cc/analytics'
import { BASE, buildScenario } from '@cc/analytics/testing'
import type { makeTenant } from '#tests/helpers'
import { analyticsStore } from '#datacenter/store'

type Org = Awaited<ReturnType<typeof makeTenant>>

/** The scenario's day: 08:00–12:00 UTC on 2 March 2026 (its calls arrive 09:00–09:30). */
export const SCENARIO_DAY = { from: new Date(BASE - 3_600_000).toISOString(), to: new Date(BASE + 3 * 3_600_000).toISOString() }

/** Feeds one copy of the scenario, `shiftDays` after 2 March 2026; `ids` maps scenario names (Q, A…) to ids to use. */
export async function feedScenario(org: Org, options: { shiftDays?: number; ids?: Record<string, string> } = {}) {
  const scenario = buildScenario(org.tenant.id)
  const shift = (options.shiftDays ?? 0) * 86_400_000
  let text = JSON.stringify(scenario.envelopes.map((e) => ({ ...e, occurredAt: new Date(Date.parse(e.occurredAt) + shift).toISOString() })))
  for (const [name, id] of Object.entries(options.ids ?? {})) {
    text = text.replaceAll(scenario.ids[name], id)
    scenario.ids[name] = id
  }
  const envelopes = JSON.parse(text) as typeof scenario.envelopes
  const records = envelopes.map((event, offset) => ({ event, position: { topic: 'cc.calls', partition: 0, offset } }))
  await new Ingestor(await analyticsStore(), () => {}).ingest(records, `datacenter-feed-${org.tenant.id}-${shift}`)
  return { ...scenario, envelopes }
}
