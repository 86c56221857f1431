import { randomBytes } from 'node:crypto'
import { newId } from '#shared/ids'
import { AppError, FieldError } from '#shared/errors'
import type { TenantScope } from '#shared/scope'
import { recordEvent } from '#events/outbox'
import { defaultCountryOf, toE164 } from '#voice/phone_numbers'
import { provisionNumber, releaseNumber, type NumberProvisioner } from '#voice/sip_numbers'
import { assertIvrMenu, assertQueue } from '#voice/actions/voice_targets'
import { entryPointRow, findEntryPoint, toEntryPoint } from '#voice/queries/voice_config_query'

/** What a new entry point is made of (the number in any format people type). */
export interface EntryPointInput {
  kind: 'number' | 'web'
  name: string
  number?: string | null
  allowedOrigins?: string[]
  target: { type: 'ivr' | 'queue'; queueId?: string; ivrMenuId?: string }
  language?: 'en' | 'zh-CN'
  enabled?: boolean
}

/** Changes to an entry point; its kind stays. */
export type EntryPointChanges = Partial<Omit<EntryPointInput, 'kind' | 'number'>> & { number?: string }

/** An unguessable key naming a web-call widget in public URLs (144 random bits). */
function newWidgetKey() {
  return randomBytes(18).toString('base64url')
}

/** Exact web origins (scheme, host, port; no path), normalised; anything else is a 422 on its index of `name`. */
export function normaliseOrigins(origins: string[], name = 'allowedOrigins'): string[] {
  const result = origins.map((text, i) => {
    const field = `${name}.${i}`
    let url: URL
    try {
      url = new URL(text)
    } catch {
      throw new FieldError(field, 'origin', 'Write an origin like https://shop.example.com')
    }
    const bare = text.replace(/\/$/, '').toLowerCase()
    const host = url.hostname
    const plainHost = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(host) || /^\[[0-9a-f:.]+\]$/.test(host)
    if (!['http:', 'https:'].includes(url.protocol) || !plainHost || bare !== url.origin.toLowerCase()) {
      throw new FieldError(field, 'origin', 'Write an origin like https://shop.example.com (no path, no wildcard)')
    }
    return url.origin
  })
  return [...new Set(result)]
}

/** The target columns of an entry point, after checking the queue or menu exists in the tenant. */
async function targetColumns(scope: TenantScope, target: EntryPointInput['target']) {
  if (target.type === 'queue') {
    return { target_type: 'queue', target_queue_id: await assertQueue(scope, target.queueId, 'target.queueId'), target_ivr_menu_id: null }
  }
  return { target_type: 'ivr', target_queue_id: null, target_ivr_menu_id: await assertIvrMenu(scope, target.ivrMenuId, 'target.ivrMenuId') }
}

/** Runs a write that may hit the platform-wide unique number index; a taken number is a 409 that never says whose. */
async function guardNumber<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if ((error as { constraint?: string }).constraint === 'entry_points_number') throw new AppError(409, 'E_CONFLICT', 'This number is already in use')
    throw error
  }
}

/**
 * Creates an entry point. A number is stored in E.164 and, when a SIP gateway is configured,
 * provisioned so its calls reach this tenant; a web widget gets a fresh widget key.
 */
export async function createEntryPoint(scope: TenantScope, input: EntryPointInput, provisioner: NumberProvisioner | null) {
  const id = newId()
  const row: Record<string, unknown> = {
    tenant_id: scope.tenantId,
    id,
    kind: input.kind,
    name: input.name,
    language: input.language ?? 'en',
    enabled: input.enabled ?? true,
    ...(await targetColumns(scope, input.target)),
  }
  if (input.kind === 'number') {
    if (!input.number) throw new FieldError('number', 'required', 'Enter the phone number')
    if (input.allowedOrigins?.length) throw new FieldError('allowedOrigins', 'prohibited', 'Only web entry points have allowed origins')
    row.number = toE164(input.number, await defaultCountryOf(scope), 'number')
  } else {
    if (input.number) throw new FieldError('number', 'prohibited', 'Web entry points have no phone number')
    row.widget_key = newWidgetKey()
    row.allowed_origins = normaliseOrigins(input.allowedOrigins ?? [])
  }
  await guardNumber(() => scope.trx.table('entry_points').insert(row))
  if (row.number && provisioner) {
    const ids = await provisionNumber(provisioner, row.number as string, { tenant_id: scope.tenantId, entry_point_id: id })
    await scope.trx.from('entry_points').where('tenant_id', scope.tenantId).where('id', id).update({ sip_trunk_id: ids.trunkId, sip_dispatch_rule_id: ids.dispatchRuleId })
  }
  const created = await findEntryPoint(scope, id)
  await recordEvent(scope, { type: 'entry_point.created', entityType: 'entry_point', entityId: id, payload: { kind: created.kind, name: created.name, number: created.number } })
  return created
}

/** Changes an entry point; a changed number is provisioned anew and the old one released. */
export async function updateEntryPoint(scope: TenantScope, id: string, input: EntryPointChanges, provisioner: NumberProvisioner | null) {
  const current = await entryPointRow(scope, id)
  const changes: Record<string, unknown> = { updated_at: new Date() }
  if (input.name !== undefined) changes.name = input.name
  if (input.language !== undefined) changes.language = input.language
  if (input.enabled !== undefined) changes.enabled = input.enabled
  if (input.target) Object.assign(changes, await targetColumns(scope, input.target))
  if (current.kind === 'web') {
    if (input.number) throw new FieldError('number', 'prohibited', 'Web entry points have no phone number')
    if (input.allowedOrigins) changes.allowed_origins = normaliseOrigins(input.allowedOrigins)
  } else {
    if (input.allowedOrigins?.length) throw new FieldError('allowedOrigins', 'prohibited', 'Only web entry points have allowed origins')
    if (input.number !== undefined) changes.number = toE164(input.number, await defaultCountryOf(scope), 'number')
  }
  const number = (changes.number ?? current.number) as string | null
  const renumbered = changes.number !== undefined && changes.number !== current.number
  await guardNumber(() => scope.trx.from('entry_points').where('tenant_id', scope.tenantId).where('id', id).update(changes))
  // A number saved while no SIP gateway was configured is provisioned on its next save.
  if (number && (renumbered || (provisioner && !current.sip_trunk_id))) {
    let ids: { trunkId: string | null; dispatchRuleId: string | null } = { trunkId: null, dispatchRuleId: null }
    if (provisioner) ids = await provisionNumber(provisioner, number, { tenant_id: scope.tenantId, entry_point_id: id })
    await scope.trx.from('entry_points').where('tenant_id', scope.tenantId).where('id', id).update({ sip_trunk_id: ids.trunkId, sip_dispatch_rule_id: ids.dispatchRuleId })
    await releaseNumber(provisioner, { trunkId: current.sip_trunk_id, dispatchRuleId: current.sip_dispatch_rule_id })
  }
  const updated = await findEntryPoint(scope, id)
  await recordEvent(scope, { type: 'entry_point.updated', entityType: 'entry_point', entityId: id, payload: { ...input, number: updated.number } })
  return { before: toEntryPoint(current), after: updated }
}

/** Deletes an entry point and releases its number at the SIP gateway. */
export async function deleteEntryPoint(scope: TenantScope, id: string, provisioner: NumberProvisioner | null) {
  const current = await entryPointRow(scope, id)
  await scope.trx.from('entry_points').where('tenant_id', scope.tenantId).where('id', id).delete()
  await releaseNumber(provisioner, { trunkId: current.sip_trunk_id, dispatchRuleId: current.sip_dispatch_rule_id })
  await recordEvent(scope, { type: 'entry_point.deleted', entityType: 'entry_point', entityId: id, payload: { kind: current.kind, name: current.name, number: current.number } })
  return toEntryPoint(current)
}
