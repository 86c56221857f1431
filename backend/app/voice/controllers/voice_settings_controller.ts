import type { HttpContext } from '@adonisjs/core/http'
import { saveVoiceSettings } from '#voice/actions/voice_settings'
import { findVoiceSettings } from '#voice/queries/voice_config_query'
import { voiceSettingsValidator } from '#voice/validators/voice_config'

/** The organisation's voice settings: recording policy, queue position announcements, caller id. */
export default class VoiceSettingsController {
  async show({ scope }: HttpContext) {
    return { data: await findVoiceSettings(scope) }
  }

  async update(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(voiceSettingsValidator)
    const { before, after } = await saveVoiceSettings(ctx.scope, input)
    ctx.audit = { targetType: 'voice_settings', targetId: ctx.scope.tenantId, before, after }
    return { data: after }
  }
}
