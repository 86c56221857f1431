import type { TenantScope } from '#shared/scope'
import { iso } from '#shared/time'

/**
 * Today's numbers of every queue, "today" starting at midnight in the organisation's time zone:
 * offered (calls that entered the queue today and are no longer waiting), answered, abandoned,
 * answered within the queue's service-level threshold, the service level (null before the first
 * offered call), calls waiting now with the oldest one, and the queue's members (ready or busy now).
 */
export async function queueStatsToday(scope: TenantScope) {
  const { rows } = await scope.trx.rawQuery(
    `with day as (
       select date_trunc('day', now() at time zone coalesce(t.time_zone, 'UTC')) at time zone coalesce(t.time_zone, 'UTC') as start
         from tenants t where t.id = :tenant
     ),
     today as (
       select c.queue_id,
         count(*) filter (where c.answered_at is not null or c.status = 'ended')::int as offered,
         count(*) filter (where c.answered_at is not null)::int as answered,
         count(*) filter (where c.end_reason = 'abandoned')::int as abandoned,
         count(*) filter (where c.answered_at is not null
           and c.answered_at - c.queued_at <= make_interval(secs => coalesce(q.service_level_seconds, 20)))::int as answered_in_sla
         from calls c
         join queues q on q.tenant_id = c.tenant_id and q.id = c.queue_id
         cross join day
        where c.tenant_id = :tenant and c.queued_at >= day.start
        group by c.queue_id
     ),
     waiting as (
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
     select q.id, q.name, coalesce(q.service_level_seconds, 20) as service_level_seconds,
       coalesce(t.offered, 0) as offered, coalesce(t.answered, 0) as answered,
       coalesce(t.abandoned, 0) as abandoned, coalesce(t.answered_in_sla, 0) as answered_in_sla,
       coalesce(w.waiting, 0) as waiting, w.oldest,
       coalesce(s.ready, 0) as ready, coalesce(s.busy, 0) as busy, coalesce(m.member_ids, '{}') as member_ids,
       (select start from day) as day_start
       from queues q
       left join today t on t.queue_id = q.id
       left join waiting w on w.queue_id = q.id
       left join staffed s on s.queue_id = q.id
       left join members m on m.queue_id = q.id
      where q.tenant_id = :tenant
      order by q.name`,
    { tenant: scope.tenantId }
  )
  return rows.map(toQueueStats)
}

/** The API shape of one queue's numbers. */
function toQueueStats(row: Record<string, any>) {
  const offered = Number(row.offered)
  const answeredWithinThreshold = Number(row.answered_in_sla)
  return {
    queueId: row.id as string,
    name: row.name as string,
    serviceLevelSeconds: Number(row.service_level_seconds),
    waiting: Number(row.waiting),
    oldestQueuedAt: iso(row.oldest ?? null),
    offered,
    answered: Number(row.answered),
    abandoned: Number(row.abandoned),
    answeredWithinThreshold,
    serviceLevel: offered > 0 ? Math.round((answeredWithinThreshold / offered) * 1000) / 1000 : null,
    agentsReady: Number(row.ready),
    agentsBusy: Number(row.busy),
    memberIds: row.member_ids as string[],
    since: iso(row.day_start),
  }
}
