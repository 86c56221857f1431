import { DateTime } from 'luxon'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import type { TenantScope } from '#shared/scope'
import { notFound } from '#shared/errors'
import { paginate } from '#shared/pagination'
import type { CustomerViewer } from '#crm/queries/customer_query'
import type { TrackingType } from '#crm/queries/tracking_query'

/** What a care rule reacts to: a yearly date, time since the last contact, or a service given. */
export type CareRuleKind = 'anniversary' | 'periodic' | 'post_service'
/** Who gets a rule's tasks: the customer's owner or a team whose members claim them. */
export type CareAssignee = 'owner' | 'team'
/** Where a care task stands. */
export type CareTaskStatus = 'open' | 'done' | 'skipped'

/** A care rule as the API answers it. */
export interface CareRule {
  id: string
  name: string
  kind: CareRuleKind
  fieldKey: string | null
  daysBefore: number | null
  intervalDays: number | null
  trackingType: TrackingType | null
  daysAfter: number | null
  titleTemplate: string
  assignee: CareAssignee
  teamId: string | null
  teamName: string | null
  tag: string | null
  customerStatus: 'active' | 'inactive' | null
  active: boolean
  openTasks: number
  lastRunAt: string | null
  createdAt: string
  updatedAt: string
}

/** A care task as the API answers it; `overdue` is judged against today in the organisation's time zone. */
export interface CareTask {
  id: string
  ruleId: string | null
  ruleName: string | null
  kind: CareRuleKind
  customerId: string
  customerName: string
  title: string
  dueDate: string
  occurrence: string
  status: CareTaskStatus
  overdue: boolean
  assigneeUserId: string | null
  assigneeUserName: string | null
  assigneeTeamId: string | null
  assigneeTeamName: string | null
  claimedAt: string | null
  sourceTrackingRecordId: string | null
  trackingRecordId: string | null
  outcome: string | null
  note: string | null
  completedAt: string | null
  completedBy: string | null
  completedByName: string | null
  createdAt: string
}

/** Which of the visible tasks a list shows, by whom they are for. */
export type CareAssigned = 'any' | 'mine' | 'me' | 'unclaimed'
/** Which tasks a list shows by due date: due by today (overdue included), overdue only, later, or all (any status). */
export type CareWhen = 'due' | 'overdue' | 'upcoming' | 'all'

/** Filters of the care-task list. */
export interface CareTaskListInput {
  when?: CareWhen
  status?: CareTaskStatus
  assigned?: CareAssigned
  customerId?: string
  page?: number
  perPage?: number
}

const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null)

/** The organisation's time zone. */
export async function tenantTimeZone(scope: TenantScope): Promise<string> {
  const row = await scope.trx.from('tenants').where('id', scope.tenantId).select('time_zone').first()
  return row?.time_zone || 'UTC'
}

/** The calendar date (YYYY-MM-DD) an instant falls on in a time zone. */
export function localDate(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toISODate()!
}

/** The organisation's date today. */
export async function todayOf(scope: TenantScope, now = new Date()): Promise<string> {
  return localDate(now, await tenantTimeZone(scope))
}

/** The teams a user belongs to or supervises, as SQL with its bindings. */
function myTeamsSql(scope: TenantScope, userId: string): [string, string[]] {
  return [
    'select team_id from team_members where tenant_id = ? and user_id = ? union select team_id from team_supervisors where tenant_id = ? and user_id = ?',
    [scope.tenantId, userId, scope.tenantId, userId],
  ]
}

/** True when the user belongs to or supervises the team. */
export async function inTeam(scope: TenantScope, userId: string, teamId: string): Promise<boolean> {
  const [sql, bindings] = myTeamsSql(scope, userId)
  const { rows } = await scope.trx.rawQuery(`select 1 from (${sql}) t where t.team_id = ? limit 1`, [...bindings, teamId])
  return rows.length > 0
}

/**
 * Limits a care-task query (aliased `k`) to what the viewer sees: tasks given to them or to their
 * teams; holders of customers.view_all see every task.
 */
function applyTaskScope(query: DatabaseQueryBuilderContract<any>, scope: TenantScope, viewer: CustomerViewer) {
  if (viewer.seeAll) return query
  if (!viewer.userId) return query.whereRaw('false')
  const [sql, bindings] = myTeamsSql(scope, viewer.userId)
  return query.where((q) => q.where('k.assignee_user_id', viewer.userId!).orWhereRaw(`k.assignee_team_id in (${sql})`, bindings))
}

/** Tasks for the viewer themselves: given to them, or to one of their teams and not claimed yet. */
function applyMine(query: DatabaseQueryBuilderContract<any>, scope: TenantScope, userId: string, unclaimedOnly = false) {
  const [sql, bindings] = myTeamsSql(scope, userId)
  return query.where((q) => {
    if (!unclaimedOnly) q.where('k.assignee_user_id', userId)
    q.orWhere((team) => team.whereNull('k.assignee_user_id').whereRaw(`k.assignee_team_id in (${sql})`, bindings))
  })
}

function taskQuery(scope: TenantScope, viewer: CustomerViewer, today: string) {
  const query = scope.trx
    .from('care_tasks as k')
    .join('customers as c', (join) => join.on('c.tenant_id', 'k.tenant_id').andOn('c.id', 'k.customer_id'))
    .leftJoin('care_rules as r', (join) => join.on('r.tenant_id', 'k.tenant_id').andOn('r.id', 'k.rule_id'))
    .leftJoin('users as u', (join) => join.on('u.tenant_id', 'k.tenant_id').andOn('u.id', 'k.assignee_user_id'))
    .leftJoin('teams as tm', (join) => join.on('tm.tenant_id', 'k.tenant_id').andOn('tm.id', 'k.assignee_team_id'))
    .leftJoin('users as cb', (join) => join.on('cb.tenant_id', 'k.tenant_id').andOn('cb.id', 'k.completed_by'))
    .where('k.tenant_id', scope.tenantId)
    .select(
      'k.*',
      'c.name as customer_name',
      'r.name as rule_name',
      'u.display_name as assignee_user_name',
      'tm.name as assignee_team_name',
      'cb.display_name as completed_by_name',
      scope.trx.raw(`to_char(k.due_date, 'YYYY-MM-DD') as due_date_text`),
      scope.trx.raw(`(k.status = 'open' and k.due_date < ?::date) as overdue`, [today])
    )
  return applyTaskScope(query, scope, viewer)
}

function toTask(row: Record<string, any>): CareTask {
  return {
    id: row.id,
    ruleId: row.rule_id,
    ruleName: row.rule_name ?? null,
    kind: row.kind,
    customerId: row.customer_id,
    customerName: row.customer_name,
    title: row.title,
    dueDate: row.due_date_text,
    occurrence: row.occurrence,
    status: row.status,
    overdue: Boolean(row.overdue),
    assigneeUserId: row.assignee_user_id,
    assigneeUserName: row.assignee_user_name ?? null,
    assigneeTeamId: row.assignee_team_id,
    assigneeTeamName: row.assignee_team_name ?? null,
    claimedAt: iso(row.claimed_at),
    sourceTrackingRecordId: row.source_tracking_record_id,
    trackingRecordId: row.tracking_record_id,
    outcome: row.outcome,
    note: row.note,
    completedAt: iso(row.completed_at),
    completedBy: row.completed_by,
    completedByName: row.completed_by_name ?? null,
    createdAt: iso(row.created_at)!,
  }
}

/** One care task the viewer sees, or 404. */
export async function findCareTask(scope: TenantScope, viewer: CustomerViewer, id: string): Promise<CareTask> {
  const row = await taskQuery(scope, viewer, await todayOf(scope)).where('k.id', id).first()
  if (!row) throw notFound('Care task')
  return toTask(row)
}

/** A page of the care tasks the viewer sees; open ones by due date, closed ones newest first. */
export async function listCareTasks(scope: TenantScope, viewer: CustomerViewer, input: CareTaskListInput) {
  const today = await todayOf(scope)
  const query = taskQuery(scope, viewer, today)
  const when = input.when ?? 'due'
  if (when !== 'all') query.where('k.status', 'open')
  else if (input.status) query.where('k.status', input.status)
  if (when === 'due') query.where('k.due_date', '<=', today)
  if (when === 'overdue') query.where('k.due_date', '<', today)
  if (when === 'upcoming') query.where('k.due_date', '>', today)
  if (input.customerId) query.where('k.customer_id', input.customerId)
  const assigned = input.assigned ?? 'any'
  if (assigned !== 'any' && viewer.userId) {
    if (assigned === 'me') query.where('k.assignee_user_id', viewer.userId)
    else applyMine(query, scope, viewer.userId, assigned === 'unclaimed')
  }
  if (when === 'all') query.orderByRaw(`(k.status = 'open') desc, k.due_date desc, k.id desc`)
  else query.orderBy('k.due_date', 'asc').orderBy('k.id', 'asc')
  return paginate(query, input, 50, (rows) => rows.map(toTask))
}

/** The signed-in user's own open tasks (theirs, and their teams' unclaimed ones) counted by due date: the badge. */
export async function careTaskSummary(scope: TenantScope, userId: string) {
  const today = await todayOf(scope)
  const query = scope.trx.from('care_tasks as k').where('k.tenant_id', scope.tenantId).where('k.status', 'open')
  applyMine(query, scope, userId)
  const row = await query
    .select(
      scope.trx.raw('count(*) filter (where k.due_date < ?::date) as overdue', [today]),
      scope.trx.raw('count(*) filter (where k.due_date = ?::date) as due_today', [today]),
      scope.trx.raw('count(*) filter (where k.due_date > ?::date) as upcoming', [today]),
      scope.trx.raw('count(*) filter (where k.assignee_user_id is null) as unclaimed')
    )
    .first()
  const overdue = Number(row?.overdue ?? 0)
  const dueToday = Number(row?.due_today ?? 0)
  return { today, overdue, dueToday, due: overdue + dueToday, upcoming: Number(row?.upcoming ?? 0), unclaimed: Number(row?.unclaimed ?? 0) }
}

function ruleQuery(scope: TenantScope) {
  return scope.trx
    .from('care_rules as r')
    .leftJoin('teams as tm', (join) => join.on('tm.tenant_id', 'r.tenant_id').andOn('tm.id', 'r.team_id'))
    .where('r.tenant_id', scope.tenantId)
    .select(
      'r.*',
      'tm.name as team_name',
      scope.trx.raw(`(select count(*) from care_tasks k where k.tenant_id = r.tenant_id and k.rule_id = r.id and k.status = 'open') as open_tasks`)
    )
}

function toRule(row: Record<string, any>): CareRule {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    fieldKey: row.field_key,
    daysBefore: row.days_before,
    intervalDays: row.interval_days,
    trackingType: row.tracking_type,
    daysAfter: row.days_after,
    titleTemplate: row.title_template,
    assignee: row.assignee,
    teamId: row.team_id,
    teamName: row.team_name ?? null,
    tag: row.tag,
    customerStatus: row.customer_status,
    active: row.active,
    openTasks: Number(row.open_tasks ?? 0),
    lastRunAt: iso(row.last_run_at),
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  }
}

/** The organisation's care rules, oldest first. */
export async function listCareRules(scope: TenantScope): Promise<CareRule[]> {
  const rows = await ruleQuery(scope).orderBy('r.created_at', 'asc').orderBy('r.id', 'asc')
  return rows.map(toRule)
}

/** One care rule, or 404. */
export async function findCareRule(scope: TenantScope, id: string): Promise<CareRule> {
  const row = await ruleQuery(scope).where('r.id', id).first()
  if (!row) throw notFound('Care rule')
  return toRule(row)
}
