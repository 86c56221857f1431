import { input, nullable, object, ref, type Schema, type SchemaMap } from '#platform/openapi/spec'

const id = ref('Uuid')
const when = ref('Timestamp')
const locale = ref('Locale')
const name = { type: 'string', minLength: 1, maxLength: 80 }
const e164 = { type: 'string', pattern: '^\\+[1-9][0-9]{6,14}$', description: 'E.164, e.g. +14155550100' }
const phoneInput = { type: 'string', minLength: 3, maxLength: 32, description: 'Any format people type, e.g. (415) 555-0100; read with the organisation’s default country unless it starts with +' }
const recordingMode = { type: 'string', enum: ['never', 'on_demand', 'always'], description: 'never; on_demand (the agent starts it); always (from the answer)' }
const digit = { type: 'string', enum: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#'] }
const reasonCode = { type: 'string', minLength: 1, maxLength: 32, pattern: '^[a-z0-9_]+$' }
const label = { type: 'string', minLength: 1, maxLength: 64 }
const position = { type: 'integer', minimum: 0, maximum: 1000 }
const origins = { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 200 }, description: 'Exact origins like https://shop.example.com' }

/** A target as the API answers it. */
const entryTarget: Schema = {
  oneOf: [object({ type: { const: 'ivr' }, ivrMenuId: id }), object({ type: { const: 'queue' }, queueId: id })],
}
const menuTarget: Schema = {
  oneOf: [object({ type: { const: 'menu' }, ivrMenuId: id }), object({ type: { const: 'queue' }, queueId: id })],
}
/** A target as a request writes it (the id that fits the type is required; checked by the server). */
const entryTargetInput = input({ type: { type: 'string', enum: ['ivr', 'queue'] }, queueId: id, ivrMenuId: id }, ['type'])
const menuTargetInput = input({ type: { type: 'string', enum: ['menu', 'queue'] }, queueId: id, ivrMenuId: id }, ['type'])

const menuFields = {
  language: locale,
  greetingPromptId: nullable(id),
  menuPromptId: nullable(id),
  timeoutSeconds: { type: 'integer', minimum: 3, maximum: 30 },
  maxRetries: { type: 'integer', minimum: 0, maximum: 5 },
}

/** Voice configuration (app/voice): entry points, IVR menus, prompts, settings, recordings; reason codes (app/contact_center). */
export const voiceSchemas: SchemaMap = {
  ReasonCode: object({ id, code: reasonCode, label, active: { type: 'boolean' }, position: { type: 'integer' } }),
  ReasonCodeRequest: input({ code: reasonCode, label, active: { type: 'boolean' }, position }, ['code', 'label']),
  UpdateReasonCodeRequest: input({ label, active: { type: 'boolean' }, position }),

  EntryPoint: object({
    id,
    kind: { type: 'string', enum: ['number', 'web'] },
    name: { type: 'string' },
    number: nullable(e164),
    widgetKey: nullable({ type: 'string', description: 'Names a web-call widget in the public URL /call/{widgetKey}' }),
    allowedOrigins: { type: 'array', items: { type: 'string' } },
    target: entryTarget,
    language: locale,
    enabled: { type: 'boolean' },
    sip: object({
      trunkId: nullable({ type: 'string' }),
      dispatchRuleId: nullable({ type: 'string', description: 'Both null when no SIP gateway is configured: the number is saved but receives no calls' }),
    }),
    createdAt: when,
    updatedAt: when,
  }),
  EntryPointRequest: input(
    { kind: { type: 'string', enum: ['number', 'web'] }, name, number: nullable(phoneInput), allowedOrigins: origins, target: entryTargetInput, language: locale, enabled: { type: 'boolean' } },
    ['kind', 'name', 'target']
  ),
  UpdateEntryPointRequest: input({ name, number: phoneInput, allowedOrigins: origins, target: entryTargetInput, language: locale, enabled: { type: 'boolean' } }),

  IvrMenu: object({
    id,
    name: { type: 'string' },
    ...menuFields,
    options: { type: 'array', items: object({ digit, label: { type: 'string' }, target: menuTarget }) },
    defaultTarget: nullable(object({ type: { const: 'queue' }, queueId: id })),
    createdAt: when,
    updatedAt: when,
  }),
  IvrMenuRequest: input(
    {
      name,
      ...menuFields,
      options: { type: 'array', maxItems: 12, items: input({ digit, label, target: menuTargetInput }, ['digit', 'label', 'target']) },
      defaultTarget: nullable(input({ type: { const: 'queue' }, queueId: id }, ['type', 'queueId'])),
    },
    ['name']
  ),
  UpdateIvrMenuRequest: input({
    name,
    ...menuFields,
    options: { type: 'array', maxItems: 12, items: input({ digit, label, target: menuTargetInput }, ['digit', 'label', 'target']) },
    defaultTarget: nullable(input({ type: { const: 'queue' }, queueId: id }, ['type', 'queueId'])),
  }),

  Prompt: object({
    id,
    name: { type: 'string' },
    language: locale,
    durationMs: { type: 'integer', minimum: 0 },
    bytes: { type: 'integer', minimum: 0 },
    builtIn: { type: 'boolean' },
    createdAt: when,
  }),
  PromptUpload: {
    ...input({ file: { type: 'string', contentMediaType: 'audio/wav', description: 'WAV, PCM 16-bit, mono or stereo, 8–48 kHz, at most 10 MB' }, name, language: locale }, [
      'file',
      'name',
      'language',
    ]),
    description: 'multipart/form-data fields',
  },

  VoiceSettings: object({
    recordingMode,
    announcePosition: { type: 'boolean', description: 'Callers hear their position in the queue' },
    outboundCallerId: nullable(e164),
    notifyAgentOfSupervision: { type: 'boolean', description: 'Agents see who supervises their call (monitor, whisper, barge)' },
  }),
  VoiceSettingsRequest: input({ recordingMode, announcePosition: { type: 'boolean' }, outboundCallerId: nullable(phoneInput), notifyAgentOfSupervision: { type: 'boolean' } }),

  Recording: object({
    id,
    callId: id,
    kind: { type: 'string', enum: ['call', 'voicemail'], description: 'A recorded conversation, or a message the caller left' },
    status: { type: 'string', enum: ['recording', 'completed', 'failed'] },
    startedAt: when,
    endedAt: nullable(when),
    durationMs: nullable({ type: 'integer', minimum: 0 }),
    bytes: nullable({ type: 'integer', minimum: 0 }),
    sha256: nullable({ type: 'string', pattern: '^[0-9a-f]{64}$' }),
  }),
}
