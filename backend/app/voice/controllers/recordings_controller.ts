import type { HttpContext } from '@adonisjs/core/http'
import { AppError } from '#shared/errors'
import { sendWav } from '#voice/audio_response'
import { tenantFilePath } from '#voice/voice_files'
import { listRecordings, recordingRow } from '#voice/queries/voice_config_query'
import { recordingsQueryValidator } from '#voice/validators/voice_config'

/** Call recordings: the catalogue and the audio, each listen written to the operation log. */
export default class RecordingsController {
  async index(ctx: HttpContext) {
    const { callId } = await ctx.request.validateUsing(recordingsQueryValidator, { data: ctx.request.qs() })
    return { data: await listRecordings(ctx.scope, callId) }
  }

  async audio(ctx: HttpContext) {
    const row = await recordingRow(ctx.scope, ctx.params.id)
    if (row.status !== 'completed') throw new AppError(409, 'E_CONFLICT', 'This recording is not finished')
    ctx.audit = { targetType: 'recording', targetId: row.id, after: { callId: row.call_id, listened: true } }
    await sendWav(ctx, tenantFilePath(ctx.scope.tenantId, row.file_name), `recording-${row.id}.wav`, 'Recording')
  }
}
