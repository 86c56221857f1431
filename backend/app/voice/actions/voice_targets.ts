import { AppError, FieldError } from '#shared/errors'
import type { TenantScope } from '#shared/scope'

/** Checks that a queue of the tenant exists; otherwise a 422 on `field`. */
export async function assertQueue(scope: TenantScope, queueId: string | undefined, field: string): Promise<string> {
  if (!queueId) throw new FieldError(field, 'required', 'Choose a queue')
  const row = await scope.trx.from('queues').where('tenant_id', scope.tenantId).where('id', queueId).first()
  if (!row) throw new FieldError(field, 'exists', 'This queue does not exist')
  return queueId
}

/** Checks that an IVR menu of the tenant exists; otherwise a 422 on `field`. */
export async function assertIvrMenu(scope: TenantScope, ivrMenuId: string | undefined, field: string): Promise<string> {
  if (!ivrMenuId) throw new FieldError(field, 'required', 'Choose an IVR menu')
  const row = await scope.trx.from('ivr_menus').where('tenant_id', scope.tenantId).where('id', ivrMenuId).first()
  if (!row) throw new FieldError(field, 'exists', 'This IVR menu does not exist')
  return ivrMenuId
}

/** Checks that a prompt of the tenant exists; otherwise a 422 on `field`. */
export async function assertPrompt(scope: TenantScope, promptId: string, field: string): Promise<string> {
  const row = await scope.trx.from('prompts').where('tenant_id', scope.tenantId).where('id', promptId).first()
  if (!row) throw new FieldError(field, 'exists', 'This prompt does not exist')
  return promptId
}

/** The names of the tenant's IVR menus whose options send callers to the given queue or menu. */
export async function menusTargeting(scope: TenantScope, target: { queueId: string } | { ivrMenuId: string }): Promise<string[]> {
  const option = 'queueId' in target ? { target: { type: 'queue', queueId: target.queueId } } : { target: { type: 'menu', ivrMenuId: target.ivrMenuId } }
  const query = scope.trx.from('ivr_menus').where('tenant_id', scope.tenantId).where((q) => {
    q.whereRaw('options @> ?::jsonb', [JSON.stringify([option])])
    if ('queueId' in target) q.orWhere('default_queue_id', target.queueId)
  })
  return (await query.select('name').orderBy('name')).map((r) => r.name)
}

/** The names of the tenant's entry points that send callers to the given queue or menu. */
export async function entryPointsTargeting(scope: TenantScope, target: { queueId: string } | { ivrMenuId: string }): Promise<string[]> {
  const query = scope.trx.from('entry_points').where('tenant_id', scope.tenantId)
  if ('queueId' in target) query.where('target_queue_id', target.queueId)
  else query.where('target_ivr_menu_id', target.ivrMenuId)
  return (await query.select('name').orderBy('name')).map((r) => r.name)
}

/**
 * Refuses (409) to let a queue go while an entry point or an IVR menu still sends callers to it;
 * for whoever deletes queues.
 */
export async function assertQueueUnused(scope: TenantScope, queueId: string) {
  const users = [...(await entryPointsTargeting(scope, { queueId })).map((n) => `entry point "${n}"`), ...(await menusTargeting(scope, { queueId })).map((n) => `IVR menu "${n}"`)]
  if (users.length) throw new AppError(409, 'E_CONFLICT', `This queue is used by ${users.join(', ')}`)
}
