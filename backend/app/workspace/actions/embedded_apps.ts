import { newId } from '#shared/ids'
import { FieldError, notFound } from '#shared/errors'
import type { TenantScope } from '#shared/scope'
import { iso } from '#shared/time'
import { recordEvent } from '#events/outbox'
import { REST_CAPABILITY, revokeAppTokens } from '#workspace/actions/app_tokens'

/**
 * What an embedded app may ask of the agent SDK. The same list as CAPABILITIES in
 * frontend/src/agent-sdk/protocol.ts (a unit test keeps the two equal).
 */
export const SDK_CAPABILITIES = ['agent.read', 'agent.state', 'calls.read', 'calls.control', 'calls.dial', 'calls.transfer', 'calls.disposition', 'recording.control', 'queues.read', REST_CAPABILITY] as const

/** The placeholders a URL template may use; the workspace fills them from the current call. */
export const URL_PLACEHOLDERS = ['ani', 'dnis', 'callId', 'customerId', 'queueId', 'agentId', 'tenant'] as const

/** An embedded app as the API answers it. */
export interface EmbeddedApp {
  id: string
  name: string
  urlTemplate: string
  origin: string
  queueIds: string[]
  capabilities: string[]
  position: number
  enabled: boolean
  createdAt: string
  updatedAt: string
}

export interface EmbeddedAppInput {
  name?: string
  urlTemplate?: string
  queueIds?: string[]
  capabilities?: string[]
  position?: number
  enabled?: boolean
}

function toApp(row: Record<string, any>): EmbeddedApp {
  return {
    id: row.id,
    name: row.name,
    urlTemplate: row.url_template,
    origin: row.origin,
    queueIds: row.queue_ids,
    capabilities: row.capabilities,
    position: row.position,
    enabled: row.enabled,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  }
}

/**
 * The origin of a URL template (`https://crm.example.com`): the template must be an absolute
 * http(s) URL once its placeholders are filled, and may use only the known placeholders — and none
 * in the scheme, host or port, so the origin the SDK host trusts is fixed.
 */
export function originOf(template: string): string {
  const unknown = [...template.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]).find((name) => !(URL_PLACEHOLDERS as readonly string[]).includes(name))
  if (unknown !== undefined) throw new FieldError('urlTemplate', 'placeholder', `Unknown placeholder {${unknown}}; use ${URL_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`)
  let url: URL
  try {
    url = new URL(template.replace(/\{[^}]*\}/g, 'x'))
  } catch {
    throw new FieldError('urlTemplate', 'url', 'This is not an absolute URL')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new FieldError('urlTemplate', 'url', 'The URL must start with https:// (or http:// for a local app)')
  const authority = /^[a-z]+:\/\/([^/?#]*)/i.exec(template)?.[1] ?? ''
  if (authority.includes('{')) throw new FieldError('urlTemplate', 'placeholder', 'Placeholders may not be part of the host')
  if (url.username || url.password) throw new FieldError('urlTemplate', 'url', 'The URL may not carry a user name or password')
  return url.origin
}

async function checkQueues(scope: TenantScope, queueIds: string[]) {
  if (!queueIds.length) return
  const found = new Set((await scope.trx.from('queues').where('tenant_id', scope.tenantId).whereIn('id', queueIds).select('id')).map((r) => r.id))
  const missing = queueIds.findIndex((id) => !found.has(id))
  if (missing >= 0) throw new FieldError(`queueIds.${missing}`, 'exists', 'There is no such queue')
}

/** The organisation's embedded apps in their order; `enabledOnly` for the agent workspace. */
export async function listEmbeddedApps(scope: TenantScope, options: { enabledOnly?: boolean } = {}) {
  const query = scope.trx.from('embedded_apps').where('tenant_id', scope.tenantId).orderBy(['position', 'name', 'id'])
  if (options.enabledOnly) query.where('enabled', true)
  return (await query).map(toApp)
}

export async function findEmbeddedApp(scope: TenantScope, id: string) {
  const row = await scope.trx.from('embedded_apps').where('tenant_id', scope.tenantId).where('id', id).first()
  if (!row) throw notFound('Embedded app')
  return toApp(row)
}

export async function createEmbeddedApp(scope: TenantScope, input: EmbeddedAppInput & { name: string; urlTemplate: string }) {
  const origin = originOf(input.urlTemplate)
  await checkQueues(scope, input.queueIds ?? [])
  const id = newId()
  await scope.trx.table('embedded_apps').insert({
    tenant_id: scope.tenantId,
    id,
    name: input.name,
    url_template: input.urlTemplate,
    origin,
    queue_ids: input.queueIds ?? [],
    capabilities: input.capabilities ?? [],
    position: input.position ?? 0,
    enabled: input.enabled ?? true,
  })
  await recordEvent(scope, { type: 'embedded_app.created', entityType: 'embedded_app', entityId: id, payload: { origin } })
  return findEmbeddedApp(scope, id)
}

export async function updateEmbeddedApp(scope: TenantScope, id: string, input: EmbeddedAppInput) {
  await findEmbeddedApp(scope, id)
  const columns: Record<string, unknown> = { updated_at: new Date() }
  if (input.name !== undefined) columns.name = input.name
  if (input.urlTemplate !== undefined) Object.assign(columns, { url_template: input.urlTemplate, origin: originOf(input.urlTemplate) })
  if (input.queueIds !== undefined) {
    await checkQueues(scope, input.queueIds)
    columns.queue_ids = input.queueIds
  }
  if (input.capabilities !== undefined) columns.capabilities = input.capabilities
  if (input.position !== undefined) columns.position = input.position
  if (input.enabled !== undefined) columns.enabled = input.enabled
  await scope.trx.from('embedded_apps').where('tenant_id', scope.tenantId).where('id', id).update(columns)
  await revokeAppTokens(scope, id)
  await recordEvent(scope, { type: 'embedded_app.updated', entityType: 'embedded_app', entityId: id, payload: { changed: Object.keys(input) } })
  return findEmbeddedApp(scope, id)
}

export async function deleteEmbeddedApp(scope: TenantScope, id: string) {
  const before = await findEmbeddedApp(scope, id)
  await revokeAppTokens(scope, id)
  await scope.trx.from('embedded_apps').where('tenant_id', scope.tenantId).where('id', id).delete()
  await recordEvent(scope, { type: 'embedded_app.deleted', entityType: 'embedded_app', entityId: id, payload: { origin: before.origin } })
  return before
}
