import vine from '@vinejs/vine'
import { ids } from '#shared/rules'

const name = () => vine.string().trim().minLength(1).maxLength(80)
const seconds = (min: number, max: number) => vine.number().withoutDecimals().min(min).max(max)

export const skillValidator = vine.create({ name: name() })

const queueFields = {
  strategy: vine.enum(['longest_idle', 'most_skilled', 'round_robin'] as const).optional(),
  priority: vine.number().withoutDecimals().min(0).max(100).optional(),
  serviceLevelSeconds: seconds(1, 3600).optional(),
  wrapUpSeconds: seconds(0, 3600).optional(),
  offerTimeoutSeconds: seconds(5, 600).optional(),
  relaxAfterSeconds: seconds(5, 3600).nullable().optional(),
  overflowAfterSeconds: seconds(5, 86400).nullable().optional(),
  overflowQueueId: vine.string().uuid().nullable().optional(),
  overflowAction: vine.enum(['queue', 'voicemail', 'callback'] as const).optional(),
  recordingMode: vine.enum(['never', 'on_demand', 'always'] as const).nullable().optional(),
}

export const queueValidator = vine.create({ name: name(), ...queueFields })

export const updateQueueValidator = vine.create({ name: name().optional(), ...queueFields })

export const queueMembersValidator = vine.create({ userIds: ids() })

export const queueSkillsValidator = vine.create({
  skills: vine.array(vine.object({ skillId: vine.string().uuid(), minLevel: vine.number().withoutDecimals().min(1).max(10) })).maxLength(50),
})

export const agentSkillsValidator = vine.create({
  skills: vine.array(vine.object({ skillId: vine.string().uuid(), level: vine.number().withoutDecimals().min(1).max(10) })).maxLength(50),
})

/** What an agent may choose for themselves. */
export const agentStateValidator = vine.create({
  state: vine.enum(['ready', 'not_ready', 'offline'] as const),
  reason: vine.string().trim().minLength(1).maxLength(40).regex(/^[a-z0-9_]+$/).optional(),
})

/** A simulated inbound call to test a queue's routing without a phone line. */
export const simulatedCallValidator = vine.create({
  ani: vine.string().trim().maxLength(32).regex(/^\+?[0-9]{3,20}$/).optional(),
  priority: vine.number().withoutDecimals().min(0).max(100).optional(),
})
