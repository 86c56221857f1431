import { newId } from '#shared/ids'
import { AppError, FieldError } from '#shared/errors'
import type { TenantScope } from '#shared/scope'
import { recordEvent } from '#events/outbox'
import { assertIvrMenu, assertPrompt, assertQueue, entryPointsTargeting, menusTargeting } from '#voice/actions/voice_targets'
import { findIvrMenu, type MenuOption } from '#voice/queries/voice_config_query'

/** An IVR menu as written by an administrator (targets are checked against the tenant). */
export interface IvrMenuInput {
  name: string
  language?: 'en' | 'zh-CN'
  greetingPromptId?: string | null
  menuPromptId?: string | null
  timeoutSeconds?: number
  maxRetries?: number
  options?: Array<{ digit: string; label: string; target: { type: 'queue' | 'menu'; queueId?: string; ivrMenuId?: string } }>
  defaultTarget?: { type: 'queue'; queueId: string } | null
}

async function assertNameFree(scope: TenantScope, name: string, exceptId?: string) {
  const query = scope.trx.from('ivr_menus').where('tenant_id', scope.tenantId).whereRaw('lower(name) = lower(?)', [name])
  if (exceptId) query.whereNot('id', exceptId)
  if (await query.first()) throw new FieldError('name', 'unique', 'An IVR menu with this name already exists')
}

/** Options with distinct digits whose queues and menus exist in the tenant; a menu never sends callers to itself. */
async function checkedOptions(scope: TenantScope, menuId: string, options: NonNullable<IvrMenuInput['options']>): Promise<MenuOption[]> {
  const seen = new Set<string>()
  const result: MenuOption[] = []
  for (const [i, option] of options.entries()) {
    if (seen.has(option.digit)) throw new FieldError(`options.${i}.digit`, 'distinct', `The digit ${option.digit} is already used by another option`)
    seen.add(option.digit)
    const field = `options.${i}.target`
    if (option.target.type === 'queue') {
      result.push({ digit: option.digit, label: option.label, target: { type: 'queue', queueId: await assertQueue(scope, option.target.queueId, `${field}.queueId`) } })
    } else {
      if (option.target.ivrMenuId === menuId) throw new FieldError(`${field}.ivrMenuId`, 'different', 'A menu cannot send callers to itself')
      result.push({ digit: option.digit, label: option.label, target: { type: 'menu', ivrMenuId: await assertIvrMenu(scope, option.target.ivrMenuId, `${field}.ivrMenuId`) } })
    }
  }
  return result
}

/** The columns of the given menu fields, each checked against the tenant. */
async function menuColumns(scope: TenantScope, id: string, input: Partial<IvrMenuInput>) {
  const columns: Record<string, unknown> = {}
  if (input.name !== undefined) columns.name = input.name
  if (input.language !== undefined) columns.language = input.language
  if (input.timeoutSeconds !== undefined) columns.timeout_seconds = input.timeoutSeconds
  if (input.maxRetries !== undefined) columns.max_retries = input.maxRetries
  if (input.greetingPromptId !== undefined) columns.greeting_prompt_id = input.greetingPromptId && (await assertPrompt(scope, input.greetingPromptId, 'greetingPromptId'))
  if (input.menuPromptId !== undefined) columns.menu_prompt_id = input.menuPromptId && (await assertPrompt(scope, input.menuPromptId, 'menuPromptId'))
  if (input.options !== undefined) columns.options = JSON.stringify(await checkedOptions(scope, id, input.options))
  if (input.defaultTarget !== undefined) columns.default_queue_id = input.defaultTarget && (await assertQueue(scope, input.defaultTarget.queueId, 'defaultTarget.queueId'))
  return columns
}

/** Creates an IVR menu. */
export async function createIvrMenu(scope: TenantScope, input: IvrMenuInput) {
  await assertNameFree(scope, input.name)
  const id = newId()
  const columns = await menuColumns(scope, id, input)
  await scope.trx.table('ivr_menus').insert({ tenant_id: scope.tenantId, id, language: 'en', ...columns })
  await recordEvent(scope, { type: 'ivr_menu.created', entityType: 'ivr_menu', entityId: id, payload: { name: input.name } })
  return findIvrMenu(scope, id)
}

/** Changes an IVR menu. */
export async function updateIvrMenu(scope: TenantScope, id: string, input: Partial<IvrMenuInput>) {
  const before = await findIvrMenu(scope, id)
  if (input.name !== undefined) await assertNameFree(scope, input.name, id)
  const columns = await menuColumns(scope, id, input)
  await scope.trx.from('ivr_menus').where('tenant_id', scope.tenantId).where('id', id).update({ ...columns, updated_at: new Date() })
  await recordEvent(scope, { type: 'ivr_menu.updated', entityType: 'ivr_menu', entityId: id, payload: { name: input.name ?? before.name } })
  return { before, after: await findIvrMenu(scope, id) }
}

/** Deletes an IVR menu no entry point and no other menu sends callers to (409 naming them otherwise). */
export async function deleteIvrMenu(scope: TenantScope, id: string) {
  const before = await findIvrMenu(scope, id)
  const users = [
    ...(await entryPointsTargeting(scope, { ivrMenuId: id })).map((n) => `entry point "${n}"`),
    ...(await menusTargeting(scope, { ivrMenuId: id })).map((n) => `IVR menu "${n}"`),
  ]
  if (users.length) throw new AppError(409, 'E_CONFLICT', `This menu is used by ${users.join(', ')}`)
  await scope.trx.from('ivr_menus').where('tenant_id', scope.tenantId).where('id', id).delete()
  await recordEvent(scope, { type: 'ivr_menu.deleted', entityType: 'ivr_menu', entityId: id, payload: { name: before.name } })
  return before
}
