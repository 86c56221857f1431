import fs from 'node:fs/promises'
import type { HttpContext } from '@adonisjs/core/http'
import { FieldError } from '#shared/errors'
import { sendWav } from '#voice/audio_response'
import { createPrompt, deletePrompt, MAX_PROMPT_BYTES, promptFile } from '#voice/actions/prompts'
import { listPrompts } from '#voice/queries/voice_config_query'
import { promptValidator } from '#voice/validators/voice_config'

/** Prompts: WAV recordings the IVR plays (greetings, menus). */
export default class PromptsController {
  async index({ scope }: HttpContext) {
    return { data: await listPrompts(scope) }
  }

  async store(ctx: HttpContext) {
    const { name, language } = await ctx.request.validateUsing(promptValidator)
    const file = ctx.request.file('file', { size: MAX_PROMPT_BYTES })
    if (!file) throw new FieldError('file', 'required', 'Attach a WAV file')
    if (!file.isValid || !file.tmpPath) throw new FieldError('file', 'size', file.errors[0]?.message ?? 'The file could not be read')
    const created = await createPrompt(ctx.scope, { name, language, audio: await fs.readFile(file.tmpPath) })
    ctx.audit = { targetType: 'prompt', targetId: created.id, after: { ...created } }
    return ctx.response.created({ data: created })
  }

  async audio(ctx: HttpContext) {
    const file = await promptFile(ctx.scope, ctx.params.id)
    await sendWav(ctx, file.absolute, file.name, 'Prompt')
  }

  async destroy(ctx: HttpContext) {
    const before = await deletePrompt(ctx.scope, ctx.params.id)
    ctx.audit = { targetType: 'prompt', before: { ...before } }
    return ctx.response.noContent()
  }
}
