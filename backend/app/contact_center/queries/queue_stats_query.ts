import { addCounts, countWaits, kpiRatios, NO_CALLS, serviceLevelLabel, type CallOutcome, type KpiCounts, type WaitGroup } from '@cc/analytics/kpi'
import type { TenantScope } from '#shared/scope'
import { iso } from '#shared/time'
import { findKpiSettings, type KpiSettingsView } from '#datacenter/queries/kpi_settings_query'

/**
 * Today's stays of calls in queues that are no longer waiting (`call_queue_visits`: a transferred
 * call counts in each queue it entered, as in the data center's call segments), grouped by queue,
 * outcome and whole seconds waited (queued → answered, or → left when never answered), with the
 * sums of the answered ones. A threshold T (whole seconds) holds a wait w exactly when it holds
 * ⌊w⌋, so whole seconds classify like exact ones; waits from 300 s share a group (no threshold
 * reaches past 295 s). Talk = answered → left less hold; hold = the held seconds of the stay;
 * wrap = the agent's wrap-up that began when the stay ended (the same pairing the call segments
 * use). An answered stay counts in the handle time once its handling is over: left (ended or
 * transferred), and its wrap-up too.
 */
const TODAY_CALLS = `
  with day as (
    select date_trunc('day', now() at time zone :zone) at time zone :zone as start
  ),
  finished as (
    select v.queue_id, v.answered_at, v.left_at, v.hold_seconds,
      case when v.answered_at is not null then 'answered' when v.outcome = 'abandoned' then 'abandoned' else 'other' end as outcome,
      greatest(0, extract(epoch from coalesce(v.answered_at, v.left_at) - v.queued_at)) as wait,
      wrap.started as wrap_started, wrap.ended as wrap_ended
      from call_queue_visits v
      cross join day
      left join lateral (
        select w.changed_at as started,
          (select min(x.changed_at) from agent_state_changes x
            where x.tenant_id = w.tenant_id and x.user_id = w.user_id and x.from_state = 'wrap_up' and x.changed_at >= w.changed_at and x.id <> w.id) as ended
          from agent_state_changes w
         where v.answered_at is not null and v.left_at is not null
           and w.tenant_id = v.tenant_id and w.user_id = v.agent_id and w.to_state = 'wrap_up'
           and w.changed_at between v.left_at - interval '1 minute' and v.left_at + interval '1 minute'
         order by abs(extract(epoch from w.changed_at - v.left_at))
         limit 1
      ) wrap on true
     where v.tenant_id = :tenant and v.queued_at >= day.start
       and (v.answered_at is not null or v.left_at is not null)
  ),
  handled as (
    select *, outcome = 'answered' and left_at is not null and (wrap_started is null or wrap_ended is not null) as done
      from finished
  )
  select queue_id, outcome, least(floor(wait), 300)::int as wait_seconds, count(*)::int as calls,
    coalesce(sum(wait) filter (where outcome = 'answered'), 0)::float8 as answer_wait,
    count(*) filter (where done)::int as handled,
    coalesce(sum(greatest(0, extract(epoch from left_at - answered_at) - hold_seconds)) filter (where done), 0)::float8 as talk,
    coalesce(sum(hold_seconds) filter (where done), 0)::float8 as hold,
    coalesce(sum(extract(epoch from wrap_ended - wrap_started)) filter (where done), 0)::float8 as wrap
    from handled
   group by queue_id, outcome, wait_seconds`

/** Every queue with what is live now: calls waiting and the oldest, members, members ready or busy. */
const QUEUES_NOW = `
  with waiting as (
    select queue_id, count(*)::int as waiting, min(queued_at) as oldest
      from calls where tenant_id = :tenant and status = 'queued' group by queue_id
  ),
  members as (
    select queue_id, array_agg(user_id order by user_id) as member_ids
      from queue_members where tenant_id = :tenant group by queue_id
  ),
  staffed as (
    select m.queue_id,
      count(*) filter (where a.state = 'ready')::int as ready,
      count(*) filter (where a.state in ('reserved', 'busy', 'wrap_up'))::int as busy
      from queue_members m
      join agent_states a on a.tenant_id = m.tenant_id and a.user_id = m.user_id
     where m.tenant_id = :tenant
     group by m.queue_id
  )
  select q.id, q.name, coalesce(w.waiting, 0) as waiting, w.oldest,
    coalesce(s.ready, 0) as ready, coalesce(s.busy, 0) as busy, coalesce(m.member_ids, '{}') as member_ids,
    date_trunc('day', now() at time zone :zone) at time zone :zone as day_start, clock_timestamp() as now
    from queues q
    left join waiting w on w.queue_id = q.id
    left join staffed s on s.queue_id = q.id
    left join members m on m.queue_id = q.id
   where q.tenant_id = :tenant
   order by q.name`

/** A queue's (or all queues') calls of today: the KPI counts and sums, and the waits classified. */
interface Tally {
  groups: WaitGroup[]
  counts: KpiCounts
}

/** The numbers every row carries: today's KPIs by the organisation's settings, and the calls waiting now. */
function numbers(tally: Tally, settings: KpiSettingsView, waiting: number, oldest: Date | null, now: Date) {
  const counts = { ...tally.counts, ...countWaits(tally.groups, settings) }
  const ratios = kpiRatios(counts, settings.serviceLevelAbandons)
  const fraction = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 1000)
  const seconds = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10)
  return {
    serviceLevelSeconds: settings.serviceLevelSeconds,
    serviceLevelLabel: serviceLevelLabel(settings),
    waiting,
    oldestQueuedAt: iso(oldest),
    longestWaitSeconds: oldest ? Math.max(0, Math.floor((now.getTime() - oldest.getTime()) / 1000)) : 0,
    offered: counts.offered,
    answered: counts.answered,
    abandoned: counts.abandoned,
    shortAbandoned: counts.shortAbandoned,
    answeredWithinThreshold: counts.answeredInServiceLevel,
    serviceLevel: fraction(ratios.serviceLevel),
    abandonRate: fraction(ratios.abandonRate),
    asa: seconds(ratios.asa),
    aht: seconds(ratios.aht),
    avgTalk: seconds(ratios.avgTalk),
    avgHold: seconds(ratios.avgHold),
    avgWrap: seconds(ratios.avgWrap),
  }
}

/** Today's calls of each queue, by queue id. */
function talliesOf(rows: Array<Record<string, any>>): Map<string, Tally> {
  const tallies = new Map<string, Tally>()
  for (const row of rows) {
    const tally = tallies.get(row.queue_id) ?? { groups: [], counts: { ...NO_CALLS } }
    tally.groups.push({ outcome: row.outcome as CallOutcome, waitSeconds: Number(row.wait_seconds), calls: Number(row.calls) })
    tally.counts = addCounts(tally.counts, {
      ...NO_CALLS,
      offered: Number(row.calls),
      answerWaitSeconds: Number(row.answer_wait),
      handled: Number(row.handled),
      talkSeconds: Number(row.talk),
      holdSeconds: Number(row.hold),
      wrapSeconds: Number(row.wrap),
    })
    tallies.set(row.queue_id, tally)
  }
  return tallies
}

/**
 * Today's numbers of every queue and of all queues together, "today" starting at midnight in the
 * organisation's time zone, computed with the organisation's KPI settings and the KPI library's
 * formulas (`@cc/analytics/kpi`), so the wallboard and the data center's history agree: offered
 * (calls that entered the queue today and are no longer waiting there; a call transferred to
 * another queue is offered there again), answered, abandoned, short
 * abandons, service level, abandon rate, ASA, AHT and its parts; calls waiting now with the oldest;
 * the queue's members and those ready or busy now.
 */
export async function queueStatsToday(scope: TenantScope) {
  const settings = await findKpiSettings(scope)
  const bindings = { tenant: scope.tenantId, zone: settings.timeZone }
  const calls = await scope.trx.rawQuery(TODAY_CALLS, bindings)
  const queues = await scope.trx.rawQuery(QUEUES_NOW, bindings)
  const tallies = talliesOf(calls.rows)
  const rows: Array<Record<string, any>> = queues.rows
  const now = new Date(rows[0]?.now ?? Date.now())
  const since = iso(rows[0]?.day_start ?? null)
  const none = (): Tally => ({ groups: [], counts: { ...NO_CALLS } })
  const perQueue = rows.map((row) => ({
    queueId: row.id as string,
    name: row.name as string,
    ...numbers(tallies.get(row.id) ?? none(), settings, Number(row.waiting), row.oldest ? new Date(row.oldest) : null, now),
    agentsReady: Number(row.ready),
    agentsBusy: Number(row.busy),
    memberIds: row.member_ids as string[],
    since,
  }))
  const all = [...tallies.values()].reduce((sum, t) => ({ groups: [...sum.groups, ...t.groups], counts: addCounts(sum.counts, t.counts) }), none())
  const oldest = rows.map((r) => r.oldest).filter(Boolean).map((d) => new Date(d)).sort((a, b) => a.getTime() - b.getTime())[0] ?? null
  const total = { ...numbers(all, settings, perQueue.reduce((sum, q) => sum + q.waiting, 0), oldest, now), since }
  const { serviceLevelSeconds, shortAbandonSeconds, serviceLevelAbandons } = settings
  return { queues: perQueue, total, settings: { serviceLevelSeconds, shortAbandonSeconds, serviceLevelAbandons, serviceLevelLabel: serviceLevelLabel(settings) } }
}
