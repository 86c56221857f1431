import { newId } from '#shared/ids'
import type { TenantScope } from '#shared/scope'
import { recordEvent } from '#events/outbox'
import { localDate, tenantTimeZone } from '#crm/queries/care_query'
import { BATCH, type Candidate, type RuleRow, candidatesOf } from '#crm/queries/care_candidates'

/** The sweeper reruns a rule that has not changed after this long (and at once when the day changes). */
export const RERUN_AFTER_MS = 10 * 60_000

/** What one pass did. */
export interface CareRunResult {
  today: string
  rules: number
  created: number
  due: number
}

/** How a pass runs: the instant it takes as "now", and whether to skip rules run recently (the sweeper). */
export interface CareRunOptions {
  now?: Date
  throttle?: boolean
}

/**
 * One pass of the care generator in a tenant: every active rule creates the tasks that fall due
 * within the next HORIZON_DAYS (in the organisation's time zone), then every open task due by
 * today that was never announced emits `care_task.due`, once. Safe to run in several processes
 * at once: the pass holds a transaction-level advisory lock of the tenant (another holder means
 * the pass is skipped, answering null), and the unique key of a task makes a repeat a no-op.
 */
export async function runCareGenerator(scope: TenantScope, options: CareRunOptions = {}): Promise<CareRunResult | null> {
  const { rows } = await scope.trx.rawQuery(`select pg_try_advisory_xact_lock(hashtextextended('care:' || ?::text, 0)) as locked`, [scope.tenantId])
  if (!rows[0]?.locked) return null
  const now = options.now ?? new Date()
  const timeZone = await tenantTimeZone(scope)
  const today = localDate(now, timeZone)
  const rules: RuleRow[] = await scope.trx.from('care_rules').where('tenant_id', scope.tenantId).where('active', true).orderBy('created_at').orderBy('id')
  let created = 0
  let ran = 0
  for (const rule of rules) {
    if (options.throttle && !stale(rule, now, timeZone, today)) continue
    ran += 1
    const candidates = await candidatesOf(scope, rule, { today, timeZone })
    created += await insertTasks(scope, rule, candidates)
    if (candidates.length < BATCH) {
      await scope.trx.from('care_rules').where('tenant_id', scope.tenantId).where('id', rule.id).update({ last_run_at: now })
    }
  }
  const due = await announceDue(scope, today)
  return { today, rules: ran, created, due }
}

/** True when a rule has not run since its last change, not today, or not for RERUN_AFTER_MS. */
function stale(rule: RuleRow, now: Date, timeZone: string, today: string) {
  if (!rule.last_run_at) return true
  const last = new Date(rule.last_run_at)
  return new Date(rule.updated_at) > last || localDate(last, timeZone) !== today || now.getTime() - last.getTime() >= RERUN_AFTER_MS
}

/** Inserts the candidates (a concurrent pass's duplicates are ignored by the unique key) and emits `care_task.created` for each new task. */
async function insertTasks(scope: TenantScope, rule: RuleRow, candidates: Candidate[]): Promise<number> {
  if (!candidates.length) return 0
  const rows = candidates.map((c) => ({
    tenant_id: scope.tenantId,
    id: newId(),
    rule_id: rule.id,
    kind: rule.kind,
    customer_id: c.customer_id,
    occurrence: c.occurrence,
    title: c.title,
    due_date: c.due_date,
    assignee_user_id: c.assignee_user_id,
    assignee_team_id: c.assignee_team_id,
    source_tracking_record_id: c.source_tracking_record_id,
  }))
  const inserted: Array<Record<string, any>> = await scope.trx
    .table('care_tasks')
    .insert(rows)
    .onConflict(['tenant_id', 'rule_id', 'customer_id', 'occurrence'])
    .ignore()
    .returning(['id', 'customer_id', 'assignee_user_id', 'assignee_team_id'])
  const byId = new Map(rows.map((r) => [r.id, r]))
  for (const task of inserted) {
    const row = byId.get(task.id)!
    await recordEvent(scope, {
      type: 'care_task.created',
      entityType: 'care_task',
      entityId: task.id,
      payload: { ruleId: rule.id, kind: rule.kind, customerId: row.customer_id, dueDate: row.due_date, assigneeUserId: row.assignee_user_id, assigneeTeamId: row.assignee_team_id },
    })
  }
  return inserted.length
}

/** Marks open tasks due by today that were never announced, and emits `care_task.due` for each, once. */
async function announceDue(scope: TenantScope, today: string): Promise<number> {
  const { rows } = await scope.trx.rawQuery(
    `update care_tasks set due_notified_at = now()
     where tenant_id = ? and id in (
       select id from care_tasks where tenant_id = ? and status = 'open' and due_notified_at is null and due_date <= ?::date
       order by due_date, id limit ${BATCH} for update skip locked
     )
     returning id, rule_id, kind, customer_id, assignee_user_id, assignee_team_id, to_char(due_date, 'YYYY-MM-DD') as due_date`,
    [scope.tenantId, scope.tenantId, today]
  )
  for (const task of rows) {
    await recordEvent(scope, {
      type: 'care_task.due',
      entityType: 'care_task',
      entityId: task.id,
      payload: { ruleId: task.rule_id, kind: task.kind, customerId: task.customer_id, dueDate: task.due_date, assigneeUserId: task.assignee_user_id, assigneeTeamId: task.assignee_team_id },
    })
  }
  return rows.length
}
