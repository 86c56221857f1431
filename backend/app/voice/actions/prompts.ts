import { newId } from '#shared/ids'
import { AppError, FieldError } from '#shared/errors'
import type { TenantScope } from '#shared/scope'
import { recordEvent } from '#events/outbox'
import { parseWav, WavFormatError } from '#voice/bot/wav'
import { removeTenantFile, tenantFilePath, writeTenantFile } from '#voice/voice_files'
import { promptRow, toPrompt } from '#voice/queries/voice_config_query'

/** Largest prompt file accepted. */
export const MAX_PROMPT_BYTES = 10 * 1024 * 1024

/**
 * Stores an uploaded prompt after checking it is a WAV file the media bot can play (PCM 16-bit,
 * mono or stereo, 8–48 kHz); the reason a file is refused is a 422 on `file`. The file lives in
 * the tenant's file area under a name the server chose.
 */
export async function createPrompt(scope: TenantScope, input: { name: string; language: 'en' | 'zh-CN'; audio: Buffer }) {
  if (input.audio.length > MAX_PROMPT_BYTES) throw new FieldError('file', 'size', 'The file is larger than 10 MB')
  let durationMs: number
  try {
    durationMs = parseWav(input.audio).durationMs
  } catch (error) {
    if (error instanceof WavFormatError) throw new FieldError('file', 'wav', error.message)
    throw error
  }
  const taken = await scope.trx.from('prompts').where('tenant_id', scope.tenantId).whereRaw('lower(name) = lower(?)', [input.name]).first()
  if (taken) throw new FieldError('name', 'unique', 'A prompt with this name already exists')
  const id = newId()
  const fileName = `prompts/${id}.wav`
  await scope.trx.table('prompts').insert({
    tenant_id: scope.tenantId,
    id,
    name: input.name,
    language: input.language,
    file_name: fileName,
    duration_ms: durationMs,
    bytes: input.audio.length,
  })
  await writeTenantFile(scope.tenantId, fileName, input.audio)
  scope.trx.after('rollback', () => removeTenantFile(scope.tenantId, fileName).catch(() => {}))
  await recordEvent(scope, { type: 'prompt.created', entityType: 'prompt', entityId: id, payload: { name: input.name, language: input.language, durationMs } })
  return toPrompt(await promptRow(scope, id))
}

/** Deletes a prompt no IVR menu plays (409 naming the menus otherwise); the file goes once the deletion is committed. */
export async function deletePrompt(scope: TenantScope, id: string) {
  const row = await promptRow(scope, id)
  const menus = await scope.trx
    .from('ivr_menus')
    .where('tenant_id', scope.tenantId)
    .where((q) => q.where('greeting_prompt_id', id).orWhere('menu_prompt_id', id))
    .select('name')
    .orderBy('name')
  if (menus.length) throw new AppError(409, 'E_CONFLICT', `This prompt is used by ${menus.map((m) => `IVR menu "${m.name}"`).join(', ')}`)
  await scope.trx.from('prompts').where('tenant_id', scope.tenantId).where('id', id).delete()
  scope.trx.after('commit', () => removeTenantFile(scope.tenantId, row.file_name).catch(() => {}))
  await recordEvent(scope, { type: 'prompt.deleted', entityType: 'prompt', entityId: id, payload: { name: row.name } })
  return toPrompt(row)
}

/** The absolute path of a prompt's audio file. */
export async function promptFile(scope: TenantScope, id: string) {
  const row = await promptRow(scope, id)
  return { absolute: tenantFilePath(scope.tenantId, row.file_name), name: `${row.name}.wav` }
}
