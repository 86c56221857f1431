import { DateTime } from 'luxon'
import type { TenantScope } from '#shared/scope'

/*
 * The tasks each kind of care rule wants, computed in SQL in the organisation's time zone (so a
 * tenant with a million customers is one set-based query per rule, not a loop in JS).
 */

/** Tasks are generated up to this many days before they are due. */
export const HORIZON_DAYS = 7
/** A service whose follow-up fell due up to this many days ago still gets it (a stopped generator catches up). */
export const CATCH_UP_DAYS = 7
/** At most this many tasks per rule and pass; the next pass goes on where this one stopped. */
export const BATCH = 1000

/** One task a rule wants for a customer: its key (rule + customer + occurrence) and what it says. */
export interface Candidate {
  customer_id: string
  occurrence: string
  title: string
  due_date: string
  assignee_user_id: string | null
  assignee_team_id: string | null
  source_tracking_record_id: string | null
}

/** A care_rules row as the database answers it. */
export type RuleRow = Record<string, any>

/** The customer filters of a rule (tag, status) as SQL on alias `c`, with bindings. */
function customerFilter(rule: RuleRow): [string, unknown[]] {
  const parts: string[] = []
  const bindings: unknown[] = []
  if (rule.tag) {
    parts.push('c.tags @> array[?]::text[]')
    bindings.push(rule.tag)
  }
  if (rule.customer_status) {
    parts.push('c.status = ?')
    bindings.push(rule.customer_status)
  }
  return [parts.length ? `and ${parts.join(' and ')}` : '', bindings]
}

/**
 * Who gets the task, as SQL columns on alias `c`: the customer's owner (or, for a customer
 * without one, the rule's team when it has one), or the rule's team. `assignable` leaves out
 * customers nobody could get.
 */
function assigneeSql(rule: RuleRow): { user: string; team: string; assignable: string; bindings: { team: unknown[]; assignable: unknown[] } } {
  if (rule.assignee === 'team') return { user: 'null::uuid', team: '?::uuid', assignable: 'true', bindings: { team: [rule.team_id], assignable: [] } }
  if (rule.team_id) {
    return { user: 'c.owner_id', team: 'case when c.owner_id is null then ?::uuid end', assignable: 'true', bindings: { team: [rule.team_id], assignable: [] } }
  }
  return { user: 'c.owner_id', team: 'null::uuid', assignable: 'c.owner_id is not null', bindings: { team: [], assignable: [] } }
}

/** The title of a task from the rule's template, as SQL: `{name}`, `{date}` and `{years}` filled in. */
function titleSql(dateSql: string, yearsSql: string) {
  return `left(replace(replace(replace(?::text, '{name}', c.name), '{date}', to_char(${dateSql}, 'YYYY-MM-DD')), '{years}', (${yearsSql})::text), 500)`
}

/** The tasks a rule wants and has not got yet, at most BATCH. */
export async function candidatesOf(scope: TenantScope, rule: RuleRow, at: { today: string; timeZone: string }): Promise<Candidate[]> {
  if (rule.assignee === 'team' && !rule.team_id) return []
  const horizon = DateTime.fromISO(at.today).plus({ days: HORIZON_DAYS }).toISODate()!
  if (rule.kind === 'anniversary') return anniversaryCandidates(scope, rule, at.today, horizon)
  if (rule.kind === 'periodic') return periodicCandidates(scope, rule, at.today, horizon, at.timeZone)
  return postServiceCandidates(scope, rule, at.today, horizon, at.timeZone)
}

/**
 * Anniversaries of a date custom field: each yearly recurrence after the date itself (29 February
 * falls on 28 February in other years, any day past a month's end on its last day) that is still
 * to come, gets a task daysBefore days ahead of it (today when that is already past) once that is
 * within the horizon. Key: the recurrence's date.
 */
async function anniversaryCandidates(scope: TenantScope, rule: RuleRow, today: string, horizon: string): Promise<Candidate[]> {
  const [filter, filterBindings] = customerFilter(rule)
  const who = assigneeSql(rule)
  const year = Number(today.slice(0, 4))
  const { rows } = await scope.trx.rawQuery(
    `with base as (
       select c.id, c.name, c.owner_id,
              substr(c.custom_fields->>?, 1, 4)::int as y, substr(c.custom_fields->>?, 6, 2)::int as m, substr(c.custom_fields->>?, 9, 2)::int as d
       from customers c
       where c.tenant_id = ? and jsonb_exists(c.custom_fields, ?)
         and c.custom_fields->>? ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' ${filter}
     ), occ as (
       select b.*, years.year,
              make_date(years.year, b.m, 1) + (least(b.d, extract(day from make_date(years.year, b.m, 1) + interval '1 month' - interval '1 day')::int) - 1) as occurrence_date
       from base b cross join (values (?::int), (?::int)) as years(year)
       where years.year > b.y
     )
     select c.id as customer_id, to_char(c.occurrence_date, 'YYYY-MM-DD') as occurrence,
            ${titleSql('c.occurrence_date', 'c.year - c.y')} as title,
            to_char(greatest(c.occurrence_date - ?::int, ?::date), 'YYYY-MM-DD') as due_date,
            ${who.user} as assignee_user_id, ${who.team} as assignee_team_id, null::uuid as source_tracking_record_id
     from occ c
     where c.occurrence_date >= ?::date and c.occurrence_date - ?::int <= ?::date and ${who.assignable}
       and not exists (select 1 from care_tasks k where k.tenant_id = ? and k.rule_id = ? and k.customer_id = c.id and k.occurrence = to_char(c.occurrence_date, 'YYYY-MM-DD'))
     order by c.occurrence_date, c.id
     limit ${BATCH}`,
    [
      ...Array(3).fill(rule.field_key), scope.tenantId, rule.field_key, rule.field_key, ...filterBindings,
      year, year + 1,
      rule.title_template, rule.days_before, today, ...who.bindings.team,
      today, rule.days_before, horizon, ...who.bindings.assignable, scope.tenantId, rule.id,
    ]
  )
  return rows
}

/**
 * Periodic callbacks: intervalDays after the customer's last contact (their latest tracking
 * record, or when they were created), or after the rule's last task for them was closed if that
 * is later; today when that is already past. One open task per customer and rule at a time. Key:
 * the date counted from and how many of the rule's tasks the customer has had closed.
 */
async function periodicCandidates(scope: TenantScope, rule: RuleRow, today: string, horizon: string, timeZone: string): Promise<Candidate[]> {
  const [filter, filterBindings] = customerFilter(rule)
  const who = assigneeSql(rule)
  const { rows } = await scope.trx.rawQuery(
    `with base as (
       select c.id, c.name, c.owner_id,
              greatest(
                coalesce((select (max(t.created_at) at time zone ?)::date from tracking_records t where t.tenant_id = c.tenant_id and t.customer_id = c.id), (c.created_at at time zone ?)::date),
                coalesce((select max((k.completed_at at time zone ?)::date) from care_tasks k where k.tenant_id = c.tenant_id and k.rule_id = ? and k.customer_id = c.id and k.status <> 'open'), '-infinity'::date)
              ) as since,
              (select count(*) from care_tasks k where k.tenant_id = c.tenant_id and k.rule_id = ? and k.customer_id = c.id and k.status <> 'open') as closed
       from customers c
       where c.tenant_id = ? ${filter}
         and not exists (select 1 from care_tasks k where k.tenant_id = c.tenant_id and k.rule_id = ? and k.customer_id = c.id and k.status = 'open')
     )
     select c.id as customer_id, to_char(c.since, 'YYYY-MM-DD') || '#' || c.closed as occurrence,
            ${titleSql('greatest(c.since + ?::int, ?::date)', "''")} as title,
            to_char(greatest(c.since + ?::int, ?::date), 'YYYY-MM-DD') as due_date,
            ${who.user} as assignee_user_id, ${who.team} as assignee_team_id, null::uuid as source_tracking_record_id
     from base c
     where c.since + ?::int <= ?::date and ${who.assignable}
     order by c.since, c.id
     limit ${BATCH}`,
    [
      timeZone, timeZone, timeZone, rule.id, rule.id, scope.tenantId, ...filterBindings, rule.id,
      rule.title_template, rule.interval_days, today, rule.interval_days, today, ...who.bindings.team,
      rule.interval_days, horizon, ...who.bindings.assignable,
    ]
  )
  return rows
}

/**
 * Follow-ups after a service: daysAfter days after each tracking record of the rule's type made
 * since the rule exists (records logged by closing a care task do not count, so tasks never breed
 * tasks), due within the horizon and at most CATCH_UP_DAYS ago. Key: the tracking record.
 */
async function postServiceCandidates(scope: TenantScope, rule: RuleRow, today: string, horizon: string, timeZone: string): Promise<Candidate[]> {
  const [filter, filterBindings] = customerFilter(rule)
  const who = assigneeSql(rule)
  const from = DateTime.fromISO(today).minus({ days: CATCH_UP_DAYS }).toISODate()!
  const { rows } = await scope.trx.rawQuery(
    `with service as (
       select t.id as record_id, t.customer_id, (t.created_at at time zone ?)::date as served_on
       from tracking_records t
       where t.tenant_id = ? and t.type = ? and t.created_at >= ?
         and not exists (select 1 from care_tasks d where d.tenant_id = t.tenant_id and d.tracking_record_id = t.id)
     )
     select c.id as customer_id, s.record_id::text as occurrence,
            ${titleSql('s.served_on', "''")} as title,
            to_char(s.served_on + ?::int, 'YYYY-MM-DD') as due_date,
            ${who.user} as assignee_user_id, ${who.team} as assignee_team_id, s.record_id as source_tracking_record_id
     from service s join customers c on c.tenant_id = ? and c.id = s.customer_id
     where s.served_on + ?::int between ?::date and ?::date and ${who.assignable} ${filter}
       and not exists (select 1 from care_tasks k where k.tenant_id = ? and k.rule_id = ? and k.customer_id = c.id and k.occurrence = s.record_id::text)
     order by s.served_on, s.record_id
     limit ${BATCH}`,
    [
      timeZone, scope.tenantId, rule.tracking_type, rule.created_at,
      rule.title_template, rule.days_after, ...who.bindings.team, scope.tenantId,
      rule.days_after, from, horizon, ...who.bindings.assignable, ...filterBindings, scope.tenantId, rule.id,
    ]
  )
  return rows
}
