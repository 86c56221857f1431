import { AppError } from '#shared/errors'
import type { TenantScope } from '#shared/scope'
import { recordEvent } from '#events/outbox'
import type { CustomerViewer } from '#crm/queries/customer_query'
import type { TrackingType } from '#crm/queries/tracking_query'
import { createTrackingRecord } from '#crm/actions/tracking_records'
import { type CareTask, findCareTask, inTeam } from '#crm/queries/care_query'

/** Who acts on a care task: a customer viewer who may also hold customers.manage. */
export type CareActor = CustomerViewer & { canManage: boolean }

/** Closing a task as done; with a tracking type, what was done is logged on the customer's timeline too. */
export interface CompleteCareTaskInput {
  outcome?: string | null
  note?: string | null
  trackingType?: TrackingType | null
}

/** Locks the task's row (so two people cannot close it at once), then loads it as the actor sees it (404 when they do not). */
async function lockTask(scope: TenantScope, actor: CareActor, id: string): Promise<CareTask> {
  await scope.trx.from('care_tasks').where('tenant_id', scope.tenantId).where('id', id).forUpdate().select('id')
  return findCareTask(scope, actor, id)
}

function mustBeOpen(task: CareTask) {
  if (task.status !== 'open') throw new AppError(409, 'E_CONFLICT', `This task is already ${task.status}`)
}

/** Its assignee, a member of its team while nobody has claimed it, or a customer manager may close a task. */
async function mustBeAllowed(scope: TenantScope, actor: CareActor, task: CareTask) {
  if (actor.userId && task.assigneeUserId === actor.userId) return
  if (actor.userId && !task.assigneeUserId && task.assigneeTeamId && (await inTeam(scope, actor.userId, task.assigneeTeamId))) return
  if (actor.canManage) return
  throw new AppError(403, 'E_FORBIDDEN', 'Only the task’s assignee, a member of its team or a customer manager may do this')
}

/** The task's identity and its assignee before the change (the realtime gateway tells them). */
function eventPayload(task: CareTask, extra: Record<string, unknown> = {}) {
  return { ruleId: task.ruleId, kind: task.kind, customerId: task.customerId, dueDate: task.dueDate, assigneeUserId: task.assigneeUserId, assigneeTeamId: task.assigneeTeamId, ...extra }
}

/** A member of the task's team takes an unclaimed team task: it becomes theirs. Claiming one's own task again changes nothing. */
export async function claimCareTask(scope: TenantScope, actor: CareActor, id: string): Promise<{ before: CareTask; after: CareTask }> {
  const before = await lockTask(scope, actor, id)
  mustBeOpen(before)
  if (before.assigneeUserId === actor.userId) return { before, after: before }
  if (before.assigneeUserId) throw new AppError(409, 'E_CONFLICT', 'Someone has already claimed this task')
  if (!actor.userId || !before.assigneeTeamId || !(await inTeam(scope, actor.userId, before.assigneeTeamId))) {
    throw new AppError(403, 'E_FORBIDDEN', 'Only members of the task’s team may claim it')
  }
  await scope.trx
    .from('care_tasks')
    .where('tenant_id', scope.tenantId)
    .where('id', id)
    .update({ assignee_user_id: actor.userId, claimed_at: new Date(), updated_at: new Date() })
  await recordEvent(scope, { type: 'care_task.claimed', entityType: 'care_task', entityId: id, payload: eventPayload(before, { assigneeUserId: actor.userId, assigneeTeamId: before.assigneeTeamId }) })
  return { before, after: await findCareTask(scope, actor, id) }
}

/**
 * Closes a task as done. With a tracking type, a tracking record of the customer (owned by the
 * actor, content the note or else the task's title) is logged and linked to the task. An
 * unclaimed team task becomes the actor's.
 */
export async function completeCareTask(scope: TenantScope, actor: CareActor, id: string, input: CompleteCareTaskInput): Promise<{ before: CareTask; after: CareTask }> {
  const before = await lockTask(scope, actor, id)
  mustBeOpen(before)
  await mustBeAllowed(scope, actor, before)
  let trackingRecordId: string | null = null
  if (input.trackingType) {
    // The task itself entitles its assignee to log on its customer, whoever owns the customer.
    const record = await createTrackingRecord(scope, { userId: actor.userId, seeAll: true, seeIds: false }, before.customerId, {
      type: input.trackingType,
      outcome: input.outcome ?? null,
      content: input.note || before.title,
    })
    trackingRecordId = record.id
  }
  await close(scope, actor, before, 'done', { outcome: input.outcome ?? null, note: input.note ?? null, tracking_record_id: trackingRecordId })
  await recordEvent(scope, { type: 'care_task.done', entityType: 'care_task', entityId: id, payload: eventPayload(before, { trackingRecordId, completedBy: actor.userId }) })
  return { before, after: await findCareTask(scope, actor, id) }
}

/** Closes a task without doing it (e.g. the customer asked not to be called), with an optional reason. */
export async function skipCareTask(scope: TenantScope, actor: CareActor, id: string, input: { note?: string | null }): Promise<{ before: CareTask; after: CareTask }> {
  const before = await lockTask(scope, actor, id)
  mustBeOpen(before)
  await mustBeAllowed(scope, actor, before)
  await close(scope, actor, before, 'skipped', { note: input.note ?? null })
  await recordEvent(scope, { type: 'care_task.skipped', entityType: 'care_task', entityId: id, payload: eventPayload(before, { completedBy: actor.userId }) })
  return { before, after: await findCareTask(scope, actor, id) }
}

async function close(scope: TenantScope, actor: CareActor, task: CareTask, status: 'done' | 'skipped', columns: Record<string, unknown>) {
  const now = new Date()
  const claim = !task.assigneeUserId && actor.userId && task.assigneeTeamId ? { assignee_user_id: actor.userId, claimed_at: now } : {}
  await scope.trx
    .from('care_tasks')
    .where('tenant_id', scope.tenantId)
    .where('id', task.id)
    .update({ ...columns, ...claim, status, completed_at: now, completed_by: actor.userId, updated_at: now })
}
