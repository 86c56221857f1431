import type { TenantScope } from '#shared/scope'
import { recordEvent } from '#events/outbox'
import { defaultCountryOf, toE164 } from '#voice/phone_numbers'
import { findVoiceSettings } from '#voice/queries/voice_config_query'

/** Organisation-wide voice settings. */
export interface VoiceSettingsInput {
  recordingMode?: 'never' | 'on_demand' | 'always'
  announcePosition?: boolean
  outboundCallerId?: string | null
  notifyAgentOfSupervision?: boolean
}

/** Saves the organisation's voice settings; fields left out keep their value. */
export async function saveVoiceSettings(scope: TenantScope, input: VoiceSettingsInput) {
  const before = await findVoiceSettings(scope)
  const after = {
    recordingMode: input.recordingMode ?? before.recordingMode,
    announcePosition: input.announcePosition ?? before.announcePosition,
    notifyAgentOfSupervision: input.notifyAgentOfSupervision ?? before.notifyAgentOfSupervision,
    outboundCallerId:
      input.outboundCallerId === undefined ? before.outboundCallerId : input.outboundCallerId && toE164(input.outboundCallerId, await defaultCountryOf(scope), 'outboundCallerId'),
  }
  const columns = { recording_mode: after.recordingMode, announce_position: after.announcePosition, outbound_caller_id: after.outboundCallerId, notify_agent_of_supervision: after.notifyAgentOfSupervision, updated_at: new Date() }
  const saved = await scope.trx.from('voice_settings').where('tenant_id', scope.tenantId).forUpdate().first()
  if (saved) await scope.trx.from('voice_settings').where('tenant_id', scope.tenantId).update(columns)
  else await scope.trx.table('voice_settings').insert({ tenant_id: scope.tenantId, ...columns })
  await recordEvent(scope, { type: 'voice_settings.updated', entityType: 'tenant', entityId: scope.tenantId, payload: after })
  return { before, after }
}
