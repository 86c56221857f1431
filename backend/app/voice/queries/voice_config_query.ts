import { notFound } from '#shared/errors'
import type { TenantScope } from '#shared/scope'
import { iso } from '#shared/time'

/** Where an entry point sends callers. */
export type EntryTarget = { type: 'ivr'; ivrMenuId: string } | { type: 'queue'; queueId: string }

/** Where an IVR option sends callers. */
export type MenuTarget = { type: 'menu'; ivrMenuId: string } | { type: 'queue'; queueId: string }

/** One keypad choice of an IVR menu. */
export interface MenuOption {
  digit: string
  label: string
  target: MenuTarget
}

/** The API shape of an entry point (a phone number or a web-call widget). */
export function toEntryPoint(row: Record<string, any>) {
  return {
    id: row.id as string,
    kind: row.kind as 'number' | 'web',
    name: row.name as string,
    number: (row.number ?? null) as string | null,
    widgetKey: (row.widget_key ?? null) as string | null,
    allowedOrigins: (row.allowed_origins ?? []) as string[],
    target: (row.target_type === 'ivr' ? { type: 'ivr', ivrMenuId: row.target_ivr_menu_id } : { type: 'queue', queueId: row.target_queue_id }) as EntryTarget,
    language: row.language as 'en' | 'zh-CN',
    enabled: row.enabled as boolean,
    sip: { trunkId: (row.sip_trunk_id ?? null) as string | null, dispatchRuleId: (row.sip_dispatch_rule_id ?? null) as string | null },
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  }
}

/** The API shape of an entry point. */
export type EntryPoint = ReturnType<typeof toEntryPoint>

/** Every entry point of the tenant, numbers first, then by name. */
export async function listEntryPoints(scope: TenantScope) {
  const rows = await scope.trx.from('entry_points').where('tenant_id', scope.tenantId).orderBy([{ column: 'kind' }, { column: 'name' }])
  return rows.map(toEntryPoint)
}

/** One entry point row of the tenant, or 404. */
export async function entryPointRow(scope: TenantScope, id: string) {
  const row = await scope.trx.from('entry_points').where('tenant_id', scope.tenantId).where('id', id).first()
  if (!row) throw notFound('Entry point')
  return row
}

/** One entry point, or 404. */
export async function findEntryPoint(scope: TenantScope, id: string) {
  return toEntryPoint(await entryPointRow(scope, id))
}

/** The API shape of an IVR menu. */
export function toIvrMenu(row: Record<string, any>) {
  return {
    id: row.id as string,
    name: row.name as string,
    language: row.language as 'en' | 'zh-CN',
    greetingPromptId: (row.greeting_prompt_id ?? null) as string | null,
    menuPromptId: (row.menu_prompt_id ?? null) as string | null,
    timeoutSeconds: row.timeout_seconds as number,
    maxRetries: row.max_retries as number,
    options: (row.options ?? []) as MenuOption[],
    defaultTarget: row.default_queue_id ? { type: 'queue' as const, queueId: row.default_queue_id as string } : null,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  }
}

/** The API shape of an IVR menu. */
export type IvrMenu = ReturnType<typeof toIvrMenu>

/** Every IVR menu of the tenant by name. */
export async function listIvrMenus(scope: TenantScope) {
  const rows = await scope.trx.from('ivr_menus').where('tenant_id', scope.tenantId).orderBy('name')
  return rows.map(toIvrMenu)
}

/** One IVR menu, or 404. */
export async function findIvrMenu(scope: TenantScope, id: string) {
  const row = await scope.trx.from('ivr_menus').where('tenant_id', scope.tenantId).where('id', id).first()
  if (!row) throw notFound('IVR menu')
  return toIvrMenu(row)
}

/** The API shape of an uploaded prompt; the file location stays private. */
export function toPrompt(row: Record<string, any>) {
  return {
    id: row.id as string,
    name: row.name as string,
    language: row.language as 'en' | 'zh-CN',
    durationMs: row.duration_ms as number,
    bytes: row.bytes as number,
    builtIn: false,
    createdAt: iso(row.created_at)!,
  }
}

/** Every uploaded prompt of the tenant by name. */
export async function listPrompts(scope: TenantScope) {
  const rows = await scope.trx.from('prompts').where('tenant_id', scope.tenantId).orderBy('name')
  return rows.map(toPrompt)
}

/** One prompt row of the tenant, or 404. */
export async function promptRow(scope: TenantScope, id: string) {
  const row = await scope.trx.from('prompts').where('tenant_id', scope.tenantId).where('id', id).first()
  if (!row) throw notFound('Prompt')
  return row
}

/** The tenant's voice settings; defaults until an administrator saves them. */
export async function findVoiceSettings(scope: TenantScope) {
  const row = await scope.trx.from('voice_settings').where('tenant_id', scope.tenantId).first()
  return {
    recordingMode: (row?.recording_mode ?? 'on_demand') as 'never' | 'on_demand' | 'always',
    announcePosition: (row?.announce_position ?? true) as boolean,
    outboundCallerId: (row?.outbound_caller_id ?? null) as string | null,
    notifyAgentOfSupervision: (row?.notify_agent_of_supervision ?? true) as boolean,
  }
}

/** The API shape of a recording; the file location stays private. */
export function toRecording(row: Record<string, any>) {
  return {
    id: row.id as string,
    callId: row.call_id as string,
    kind: (row.kind ?? 'call') as 'call' | 'voicemail',
    status: row.status as 'recording' | 'completed' | 'failed',
    startedAt: iso(row.started_at)!,
    endedAt: iso(row.ended_at),
    durationMs: (row.duration_ms ?? null) as number | null,
    bytes: row.bytes === null || row.bytes === undefined ? null : Number(row.bytes),
    sha256: (row.sha256 ?? null) as string | null,
  }
}

/** The recordings of one call (oldest first), or the tenant's latest 100 when no call is named. */
export async function listRecordings(scope: TenantScope, callId?: string) {
  const query = scope.trx.from('recordings').where('tenant_id', scope.tenantId)
  if (callId) query.where('call_id', callId).orderBy('started_at', 'asc')
  else query.orderBy('started_at', 'desc').limit(100)
  return (await query).map(toRecording)
}

/** One recording row of the tenant, or 404. */
export async function recordingRow(scope: TenantScope, id: string) {
  const row = await scope.trx.from('recordings').where('tenant_id', scope.tenantId).where('id', id).first()
  if (!row) throw notFound('Recording')
  return row
}
