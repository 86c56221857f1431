import vine from '@vinejs/vine'

/** A visitor starting a call from the web widget. */
export const webCallValidator = vine.create({
  name: vine.string().trim().maxLength(80).optional(),
  /** The number the visitor gives so the agent finds their account; read like any typed number. */
  phone: vine.string().trim().maxLength(40).optional(),
  language: vine.enum(['en', 'zh-CN'] as const).optional(),
})

/** Where a blind transfer goes: an agent (`userId`), a queue (`queueId`) or an external number (`number`, E.164). */
export const transferValidator = vine.create({
  target: vine.enum(['agent', 'queue', 'number'] as const),
  userId: vine.string().uuid().optional().requiredWhen('target', '=', 'agent'),
  queueId: vine.string().uuid().optional().requiredWhen('target', '=', 'queue'),
  number: vine.string().trim().regex(/^\+[1-9][0-9]{6,14}$/).optional().requiredWhen('target', '=', 'number'),
})

/** The colleague to consult. */
export const consultValidator = vine.create({ userId: vine.string().uuid() })

/** An outbound call: any format the tenant's default country makes sense of; optionally on behalf of a queue. */
export const dialValidator = vine.create({
  number: vine.string().trim().minLength(3).maxLength(32).regex(/^[+0-9 ()\-.]+$/),
  queueId: vine.string().uuid().optional(),
})

/** Digits the agent sends into the call. */
export const dtmfValidator = vine.create({ digits: vine.string().regex(/^[0-9*#]{1,32}$/) })

/** Recording control. */
export const recordingValidator = vine.create({ action: vine.enum(['start', 'stop', 'pause', 'resume'] as const) })

/** The outcome of a call. */
export const dispositionValidator = vine.create({
  code: vine.string().trim().minLength(1).maxLength(64),
  notes: vine.string().trim().maxLength(2000).nullable().optional(),
})

/** Filters of the supervisors' call list. */
export const callListValidator = vine.create({
  status: vine.enum(['live', 'ended'] as const).optional(),
  queueId: vine.string().uuid().optional(),
  agentId: vine.string().uuid().optional(),
  page: vine.number().withoutDecimals().min(1).optional(),
  perPage: vine.number().withoutDecimals().min(1).max(100).optional(),
})

/** One call-quality sample of the agent's browser: WebRTC jitter, packet loss, round-trip time, optional MOS. */
export const callQualityValidator = vine.create({
  jitterMs: vine.number().min(0).max(10000),
  packetLossPct: vine.number().min(0).max(100),
  rttMs: vine.number().min(0).max(60000),
  mos: vine.number().min(1).max(5).nullable().optional(),
})
