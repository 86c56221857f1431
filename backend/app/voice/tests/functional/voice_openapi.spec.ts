import { test } from '@japa/runner'
import { requestBodyProblems } from '#tests/openapi'
import { entryPointValidator, ivrMenuValidator, updateEntryPointValidator, updateIvrMenuValidator, voiceSettingsValidator } from '#voice/validators/voice_config'
import { reasonCodeValidator, updateReasonCodeValidator } from '#contact_center/validators/reason_codes'

const UUID = '0190a8b4-1111-7000-8000-000000000001'
const queue = { type: 'queue', queueId: UUID }

/** Payloads the VineJS validator and the documented request body must judge alike. */
const CASES: Array<[{ tryValidate(data: unknown): Promise<[unknown, unknown]> }, string, string, Record<string, unknown>[]]> = [
  [reasonCodeValidator, 'POST', '/api/v1/reason-codes', [
    { code: 'coffee_break', label: 'Coffee', active: true, position: 3 },
    { code: 'Coffee', label: 'Coffee' },
    { code: 'x'.repeat(33), label: 'Long' },
    { code: 'ok' },
    { code: 'ok', label: 'x'.repeat(65) },
  ]],
  [updateReasonCodeValidator, 'PATCH', '/api/v1/reason-codes/{id}', [{}, { label: 'L', active: false, position: 0 }, { position: -1 }]],
  [entryPointValidator, 'POST', '/api/v1/entry-points', [
    { kind: 'web', name: 'Widget', allowedOrigins: ['https://a.example'], target: queue, language: 'zh-CN', enabled: true },
    { kind: 'number', name: 'Line', number: '(415) 555-0100', target: { type: 'ivr', ivrMenuId: UUID } },
    { kind: 'web', name: 'Widget', number: null, target: queue },
    { kind: 'fax', name: 'Widget', target: queue },
    { kind: 'web', target: queue },
    { kind: 'web', name: 'Widget', target: { type: 'voicemail' } },
    { kind: 'web', name: 'Widget', target: queue, language: 'fr' },
  ]],
  [updateEntryPointValidator, 'PATCH', '/api/v1/entry-points/{id}', [{}, { name: 'N', enabled: false, target: queue }]],
  [ivrMenuValidator, 'POST', '/api/v1/ivr-menus', [
    { name: 'Main', language: 'en', greetingPromptId: null, menuPromptId: UUID, timeoutSeconds: 5, maxRetries: 0, options: [{ digit: '#', label: 'Go', target: { type: 'menu', ivrMenuId: UUID } }], defaultTarget: queue },
    { name: 'Main', defaultTarget: null },
    { name: 'Main', timeoutSeconds: 31 },
    { name: 'Main', options: [{ digit: 'A', label: 'Go', target: queue }] },
    { name: 'Main', options: [{ digit: '1', target: queue }] },
    { name: 'Main', defaultTarget: { type: 'menu', ivrMenuId: UUID } },
    { timeoutSeconds: 5 },
  ]],
  [updateIvrMenuValidator, 'PATCH', '/api/v1/ivr-menus/{id}', [{}, { options: [] }, { maxRetries: 9 }]],
  [voiceSettingsValidator, 'PUT', '/api/v1/voice/settings', [
    {},
    { recordingMode: 'never', announcePosition: false, outboundCallerId: null },
    { recordingMode: 'sometimes' },
    { announcePosition: 'yes' },
  ]],
]

test.group('Voice configuration in the OpenAPI document', () => {
  test('request bodies accept and reject what the validators do', async ({ assert }) => {
    for (const [validator, method, path, payloads] of CASES) {
      for (const payload of payloads) {
        const [error] = await validator.tryValidate(payload)
        const problems = requestBodyProblems({ method, path }, payload)
        const verdict = `validator ${error ? 'rejects' : 'accepts'}, document says ${problems.join('; ') || 'ok'}`
        assert.equal(problems.length === 0, !error, `${method} ${path} ${JSON.stringify(payload).slice(0, 120)}: ${verdict}`)
      }
    }
  })
})
