import vine from '@vinejs/vine'
import { SDK_CAPABILITIES } from '#workspace/actions/embedded_apps'

const fields = () => ({
  queueIds: vine.array(vine.string().uuid()).maxLength(200).distinct().optional(),
  capabilities: vine.array(vine.enum(SDK_CAPABILITIES)).maxLength(20).distinct().optional(),
  position: vine.number().withoutDecimals().min(0).max(1000).optional(),
  enabled: vine.boolean().optional(),
})
const name = () => vine.string().trim().minLength(1).maxLength(80)
const urlTemplate = () => vine.string().trim().minLength(1).maxLength(2000)

/** A new embedded app. */
export const embeddedAppValidator = vine.create({ name: name(), urlTemplate: urlTemplate(), ...fields() })

/** Changes to an embedded app. */
export const updateEmbeddedAppValidator = vine.create({ name: name().optional(), urlTemplate: urlTemplate().optional(), ...fields() })
