import vine from '@vinejs/vine'
import { locale } from '#shared/rules'

/** Digits a caller can press on a keypad. */
export const KEYPAD_DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#'] as const

/** When calls are recorded. */
export const RECORDING_MODES = ['never', 'on_demand', 'always'] as const

const name = () => vine.string().trim().minLength(1).maxLength(80)
const phoneNumber = () => vine.string().trim().minLength(3).maxLength(32)

/** Where an entry point sends its callers: an IVR menu or straight into a queue (ids checked by the action). */
const entryTarget = () =>
  vine.object({
    type: vine.enum(['ivr', 'queue'] as const),
    queueId: vine.string().uuid().optional(),
    ivrMenuId: vine.string().uuid().optional(),
  })

/** Exact origins allowed to embed a web-call widget, e.g. https://shop.example.com (checked by the action). */
const allowedOrigins = () => vine.array(vine.string().trim().maxLength(200)).maxLength(20)

export const entryPointValidator = vine.create({
  kind: vine.enum(['number', 'web'] as const),
  name: name(),
  number: phoneNumber().nullable().optional(),
  allowedOrigins: allowedOrigins().optional(),
  target: entryTarget(),
  language: locale().optional(),
  enabled: vine.boolean().optional(),
})

/** The kind of an entry point stays; everything else may change. */
export const updateEntryPointValidator = vine.create({
  name: name().optional(),
  number: phoneNumber().optional(),
  allowedOrigins: allowedOrigins().optional(),
  target: entryTarget().optional(),
  language: locale().optional(),
  enabled: vine.boolean().optional(),
})

const menuOption = () =>
  vine.object({
    digit: vine.enum(KEYPAD_DIGITS),
    label: vine.string().trim().minLength(1).maxLength(64),
    target: vine.object({
      type: vine.enum(['queue', 'menu'] as const),
      queueId: vine.string().uuid().optional(),
      ivrMenuId: vine.string().uuid().optional(),
    }),
  })

const menuFields = {
  language: locale().optional(),
  greetingPromptId: vine.string().uuid().nullable().optional(),
  menuPromptId: vine.string().uuid().nullable().optional(),
  timeoutSeconds: vine.number().withoutDecimals().min(3).max(30).optional(),
  maxRetries: vine.number().withoutDecimals().min(0).max(5).optional(),
  options: vine.array(menuOption()).maxLength(KEYPAD_DIGITS.length).optional(),
  defaultTarget: vine.object({ type: vine.enum(['queue'] as const), queueId: vine.string().uuid() }).nullable().optional(),
}

export const ivrMenuValidator = vine.create({ name: name(), ...menuFields })

export const updateIvrMenuValidator = vine.create({ name: name().optional(), ...menuFields })

/** The text fields of a prompt upload (the file itself is read from the multipart body). */
export const promptValidator = vine.create({
  name: name(),
  language: locale(),
})

export const voiceSettingsValidator = vine.create({
  recordingMode: vine.enum(RECORDING_MODES).optional(),
  announcePosition: vine.boolean().optional(),
  outboundCallerId: phoneNumber().nullable().optional(),
  notifyAgentOfSupervision: vine.boolean().optional(),
})

export const recordingsQueryValidator = vine.create({
  callId: vine.string().uuid().optional(),
})
