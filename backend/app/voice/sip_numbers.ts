import logger from '@adonisjs/core/services/logger'
import { AppError } from '#shared/errors'
import { inPlatform, inTenant } from '#shared/scope'
import type { ProvisionedNumber, VoiceProvider } from '#voice/voice_provider'
import { voiceProvider } from '#voice/voice'

/** What number entry points need from the voice port: routing a number in, and undoing it. */
export type NumberProvisioner = Pick<VoiceProvider, 'provisionNumber' | 'releaseNumber' | 'provisionedTrunks'>

/**
 * The voice provider when it can take inbound SIP calls (a SIP gateway is configured), else null:
 * numbers are then saved without trunk ids and the console says no gateway is set up. Voice being
 * off entirely is the same as no gateway.
 */
export async function numberProvisioner(): Promise<NumberProvisioner | null> {
  const voice = await voiceProvider()
  return voice && voice.capabilities.has('sip_inbound') ? voice : null
}

/** Provisions a number; a gateway that refuses answers 503, and nothing is saved. */
export async function provisionNumber(provisioner: NumberProvisioner, number: string, attributes: Record<string, string>) {
  try {
    return await provisioner.provisionNumber(number, attributes)
  } catch (error) {
    logger.warn({ err: error, number }, 'SIP number provisioning failed')
    throw new AppError(503, 'E_SERVER_BUSY', 'The SIP gateway did not accept this number; try again later')
  }
}

/**
 * Releases a provisioned number. A failure is logged, not raised: the entry point is gone either
 * way, and inbound calls to a number without an entry point are refused.
 */
export async function releaseNumber(provisioner: NumberProvisioner | null, ids: Partial<ProvisionedNumber>) {
  if (!provisioner || !ids.trunkId || !ids.dispatchRuleId) return
  try {
    await provisioner.releaseNumber({ trunkId: ids.trunkId, dispatchRuleId: ids.dispatchRuleId })
  } catch (error) {
    logger.warn({ err: error, trunkId: ids.trunkId }, 'SIP number release failed')
  }
}

/**
 * Provisions again every number the SIP gateway no longer routes (its trunks and dispatch rules
 * live in the media server's Redis, which a restart of a local stack empties). Returns how many.
 */
export async function syncNumbers(): Promise<number> {
  const provisioner = await numberProvisioner()
  if (!provisioner) return 0
  const routed = new Set(await provisioner.provisionedTrunks())
  const numbers = await inPlatform((trx) => trx.from('entry_points').where('kind', 'number').select('tenant_id', 'id', 'number', 'sip_trunk_id'))
  let provisioned = 0
  for (const entry of numbers) {
    if (entry.sip_trunk_id && routed.has(entry.sip_trunk_id)) continue
    const ids = await provisionNumber(provisioner, entry.number, { tenant_id: entry.tenant_id, entry_point_id: entry.id })
    await inTenant(entry.tenant_id, (trx) =>
      trx.from('entry_points').where('tenant_id', entry.tenant_id).where('id', entry.id).update({ sip_trunk_id: ids.trunkId, sip_dispatch_rule_id: ids.dispatchRuleId })
    )
    provisioned++
  }
  return provisioned
}
