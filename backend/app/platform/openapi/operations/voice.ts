import { data, json, list, noContent, query, type OperationMap } from '#platform/openapi/spec'

const wav = (description: string) => ({ status: 200 as const, media: 'audio/wav' as const, description })

/** Voice configuration and recordings (app/voice/controllers) and reason codes (app/contact_center). */
export const voiceOperations: OperationMap = {
  'reason_codes.index': {
    tag: 'Agents',
    summary: 'The organisation’s not-ready reason codes, in order',
    description: 'Open to holders of `calls.handle`, `agents.view` or `queues.manage` (403 otherwise). `no_answer` is not listed: the system alone sets it.',
    success: json(200, list('ReasonCode'), 'Reason codes by position'),
    errors: [403],
  },
  'reason_codes.store': { tag: 'Agents', summary: 'Create a reason code', body: 'ReasonCodeRequest', success: json(201, data('ReasonCode'), 'The new reason code') },
  'reason_codes.update': {
    tag: 'Agents',
    summary: 'Rename, reorder, activate or deactivate a reason code',
    description: 'The code itself stays (it is what the state history records). An inactive code cannot be chosen.',
    body: 'UpdateReasonCodeRequest',
    success: json(200, data('ReasonCode'), 'The reason code'),
  },
  'reason_codes.destroy': { tag: 'Agents', summary: 'Delete a reason code', description: 'The state history keeps the code text.', success: noContent('Deleted') },

  'entry_points.index': { tag: 'Voice', summary: 'Phone numbers and web-call widgets', success: json(200, list('EntryPoint'), 'Numbers first, then widgets, by name') },
  'entry_points.store': {
    tag: 'Voice',
    summary: 'Add a phone number or a web-call widget',
    description:
      'A number is stored in E.164 (read with the organisation’s default country) and must be valid (422 on `number`); it is unique across the platform (409 `This number is already in use`). ' +
      'When a SIP gateway is configured the number is provisioned there (503 when the gateway refuses). A widget gets a random `widgetKey`; `allowedOrigins` are exact origins that may embed it.',
    body: 'EntryPointRequest',
    success: json(201, data('EntryPoint'), 'The new entry point'),
    errors: [409, 503],
  },
  'entry_points.show': { tag: 'Voice', summary: 'One entry point', success: json(200, data('EntryPoint'), 'The entry point') },
  'entry_points.update': {
    tag: 'Voice',
    summary: 'Change an entry point',
    description: 'The kind stays. A changed number is provisioned anew and the old one released.',
    body: 'UpdateEntryPointRequest',
    success: json(200, data('EntryPoint'), 'The entry point'),
    errors: [409, 503],
  },
  'entry_points.destroy': { tag: 'Voice', summary: 'Delete an entry point', description: 'Its number is released at the SIP gateway.', success: noContent('Deleted') },

  'ivr_menus.index': { tag: 'Voice', summary: 'IVR menus', success: json(200, list('IvrMenu'), 'Menus by name') },
  'ivr_menus.store': {
    tag: 'Voice',
    summary: 'Create an IVR menu',
    description: 'Digits are unique; every queue, menu and prompt must exist in the organisation (422 on the field, e.g. `options.0.target.queueId`).',
    body: 'IvrMenuRequest',
    success: json(201, data('IvrMenu'), 'The new menu'),
  },
  'ivr_menus.show': { tag: 'Voice', summary: 'One IVR menu', success: json(200, data('IvrMenu'), 'The menu') },
  'ivr_menus.update': {
    tag: 'Voice',
    summary: 'Change an IVR menu',
    description: 'A menu may send callers to another menu, never to itself.',
    body: 'UpdateIvrMenuRequest',
    success: json(200, data('IvrMenu'), 'The menu'),
  },
  'ivr_menus.destroy': {
    tag: 'Voice',
    summary: 'Delete an IVR menu',
    description: 'Refused (409, naming them) while an entry point or another menu sends callers to it.',
    success: noContent('Deleted'),
    errors: [409],
  },

  'prompts.index': { tag: 'Voice', summary: 'Uploaded prompts', success: json(200, list('Prompt'), 'Prompts by name') },
  'prompts.store': {
    tag: 'Voice',
    summary: 'Upload a prompt (multipart/form-data: file, name, language)',
    description: 'The file must be a WAV file, PCM 16-bit, mono or stereo, 8–48 kHz, at most 10 MB; otherwise 422 on `file` with the reason.',
    multipart: 'PromptUpload',
    success: json(201, data('Prompt'), 'The new prompt'),
    errors: [422],
  },
  'prompts.audio': { tag: 'Voice', summary: 'A prompt’s audio', success: wav('The WAV file') },
  'prompts.destroy': {
    tag: 'Voice',
    summary: 'Delete a prompt',
    description: 'Refused (409, naming the menu) while an IVR menu plays it.',
    success: noContent('Deleted'),
    errors: [409],
  },

  'voice_settings.show': { tag: 'Voice', summary: 'The organisation’s voice settings', success: json(200, data('VoiceSettings'), 'The settings (defaults until saved)') },
  'voice_settings.update': {
    tag: 'Voice',
    summary: 'Change the voice settings',
    description: 'Fields left out keep their value. A queue’s own `recordingMode` overrides the organisation’s.',
    body: 'VoiceSettingsRequest',
    success: json(200, data('VoiceSettings'), 'The settings'),
  },

  'recordings.index': {
    tag: 'Voice',
    summary: 'Recordings of a call',
    description: 'Without `callId`, the latest 100 recordings of the organisation.',
    query: [query('callId', { type: 'string', format: 'uuid' }, 'The call whose recordings to list')],
    success: json(200, list('Recording'), 'Recordings, oldest first for one call'),
  },
  'recordings.audio': {
    tag: 'Voice',
    summary: 'Listen to a recording',
    description: 'Only a completed recording (409 while it is still being recorded or when it failed). Every listen is written to the operation log.',
    success: wav('The WAV file'),
    errors: [409],
  },
}
