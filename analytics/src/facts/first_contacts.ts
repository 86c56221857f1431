/**
 * First contacts: every inbound call with a number (its first segment) once, with in how many days
 * the same number called next, rounded up (`repeat_days`; NO_REPEAT when not within MAX_FCR_DAYS),
 * so first-contact resolution over any window of N = 1 to 90 days is a count over a time range:
 * repeat_days > N (migration 0008). "Next" orders a number's calls by creation, then by call id as
 * text.
 *
 * Each row twice: in `first_contacts` sorted by time (the KPIs read it) and in
 * `first_contacts_by_number` sorted by number, with the creation time (where a call's neighbours
 * are found). A call that arrives changes its own row and its number's previous call's; the
 * ingestor rewrites both, with a newer version, from what is stored — never from the batch alone —
 * so a replay changes nothing.
 */
import type { AnalyticsStore } from '../store/analytics_store.ts'
import type { TenantQueries } from '../store/tenant_query.ts'
import type { CallSegmentRow } from './call_segments.ts'
import { chTime, fromChTime } from './time.ts'

/** The longest FCR window a tenant can choose (`kpiSettingsProblems`); a later call is "no repeat". */
export const MAX_FCR_DAYS = 90
const DAY = 86_400_000
const REACH = MAX_FCR_DAYS * DAY
/** `repeat_days` of a call whose number did not call again within MAX_FCR_DAYS. */
export const NO_REPEAT = 255

/** Days from a call to its number's next call, rounded up: within N days exactly when it is at most N. */
export function repeatDays(gapMs: number | null): number {
  return gapMs === null || gapMs > REACH ? NO_REPEAT : Math.ceil(gapMs / DAY)
}

/** One row of `first_contacts_by_number` (`first_contacts` has the same but `ani` and `created_at`). */
export interface FirstContactRow {
  tenant_id: string
  started_at: string
  call_id: string
  created_at: string
  ani: string
  queue_id: string | null
  agent_id: string | null
  channel: string
  dnis: string
  answered: number
  repeat_days: number
  version: number
}

const COLUMNS = `toString(tenant_id) AS tenant_id, toString(started_at) AS started_at, toString(call_id) AS call_id, toString(created_at) AS created_at,
  ani, toString(queue_id) AS queue_id, toString(agent_id) AS agent_id, channel, dnis, answered, repeat_days, version`

/** Whether a segment is a call's first contact: the first segment of an inbound call with a number. */
function isFirstContact(s: CallSegmentRow): boolean {
  return s.segment_no === 1 && s.direction === 'inbound' && s.ani !== ''
}

/** A row of `first_contacts`: the number-sorted row without the number and the creation time. */
const byTime = (r: FirstContactRow) => ({
  tenant_id: r.tenant_id,
  started_at: r.started_at,
  call_id: r.call_id,
  queue_id: r.queue_id,
  agent_id: r.agent_id,
  channel: r.channel,
  dnis: r.dnis,
  answered: r.answered,
  repeat_days: r.repeat_days,
  version: r.version,
})

const byCreation = (a: FirstContactRow, b: FirstContactRow) =>
  a.ani !== b.ani ? (a.ani < b.ani ? -1 : 1) : a.created_at !== b.created_at ? (a.created_at < b.created_at ? -1 : 1) : a.call_id < b.call_id ? -1 : a.call_id > b.call_id ? 1 : 0

/**
 * Brings the first contacts of the segments' calls up to date: their own rows (from the segments
 * as derived now) and the rows of their numbers' calls around them whose next call changed. Reads
 * only the numbers' calls within MAX_FCR_DAYS of the batch's, by the number-sorted copy.
 */
export async function refreshFirstContacts(store: AnalyticsStore, tenant: TenantQueries, segments: readonly CallSegmentRow[]): Promise<number> {
  const touched = segments.filter(isFirstContact)
  if (!touched.length) return 0
  const created = touched.map((s) => fromChTime(s.created_at))
  const newest = Math.max(...created)
  const stored = await tenant.select<FirstContactRow>(
    `SELECT ${COLUMNS} FROM (
       SELECT * FROM first_contacts_by_number FINAL
       WHERE tenant_id = {tenant:UUID} AND ani IN {anis:Array(String)} AND created_at >= {from:DateTime64(3, 'UTC')} AND created_at <= {to:DateTime64(3, 'UTC')})`,
    { anis: [...new Set(touched.map((s) => s.ani))], from: chTime(Math.min(...created) - REACH), to: chTime(newest + REACH) }
  )
  const rows = new Map(stored.map((r) => [r.call_id, { ...r, answered: Number(r.answered), repeat_days: Number(r.repeat_days) }]))
  const fresh = new Set<string>()
  for (const s of touched) {
    const before = rows.get(s.call_id)
    rows.set(s.call_id, {
      tenant_id: s.tenant_id,
      started_at: s.started_at,
      call_id: s.call_id,
      created_at: s.created_at,
      ani: s.ani,
      queue_id: s.queue_id,
      agent_id: s.agent_id,
      channel: s.channel,
      dnis: s.dnis,
      answered: s.answered,
      repeat_days: before?.repeat_days ?? NO_REPEAT,
      version: 0,
    })
    fresh.add(s.call_id)
  }
  const sorted = [...rows.values()].sort(byCreation)
  const version = Date.now() * 1000
  const changed: FirstContactRow[] = []
  for (const [i, row] of sorted.entries()) {
    // A call after the batch's newest may have its next call beyond what was read: left as it is.
    if (fromChTime(row.created_at) > newest) continue
    const following = sorted[i + 1]
    const days = repeatDays(following?.ani === row.ani ? fromChTime(following.created_at) - fromChTime(row.created_at) : null)
    if (fresh.has(row.call_id) || days !== row.repeat_days) changed.push({ ...row, repeat_days: days, version })
  }
  await store.insert('first_contacts_by_number', changed)
  await store.insert('first_contacts', changed.map(byTime))
  return changed.length
}

/**
 * Builds one tenant's first contacts from its call segments as they are now, all of them at once
 * (the synthetic generator's direct mode; migration 0008 does the same over every tenant).
 */
export async function buildFirstContacts(tenant: TenantQueries) {
  await tenant.insertSelect(
    'first_contacts_by_number',
    `SELECT tenant_id, ani, created_at, call_id, started_at, queue_id, agent_id, channel, dnis, answered,
       if(next_ms = 0 OR next_ms - toUnixTimestamp64Milli(created_at) > ${REACH}, ${NO_REPEAT}, toUInt8(intDiv(next_ms - toUnixTimestamp64Milli(created_at) + ${DAY - 1}, ${DAY}))),
       toUnixTimestamp64Micro(now64(6))
     FROM (
       SELECT tenant_id, ani, created_at, call_id, started_at, queue_id, agent_id, channel, dnis, answered,
         leadInFrame(toUnixTimestamp64Milli(created_at), 1, 0) OVER (PARTITION BY ani ORDER BY created_at, toString(call_id) ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING) AS next_ms
       FROM call_segments FINAL
       WHERE tenant_id = {tenant:UUID} AND segment_no = 1 AND direction = 'inbound' AND ani != ''
     )
     SETTINGS max_bytes_before_external_sort = 1000000000`
  )
  await tenant.insertSelect(
    'first_contacts',
    `SELECT tenant_id, started_at, call_id, queue_id, agent_id, channel, dnis, answered, repeat_days, version
     FROM first_contacts_by_number FINAL WHERE tenant_id = {tenant:UUID}`
  )
}
