import fs from 'node:fs'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { makeTenant, makeUser } from '#tests/helpers'
import { matchesContract } from '#tests/openapi'
import { silentWav } from '#tests/fixtures/cross_tenant_bodies'
import { wavHeader } from '#voice/bot/wav'
import { tenantFilePath } from '#voice/voice_files'

type Tenant = Awaited<ReturnType<typeof makeTenant>>

/** Uploads a prompt as the console does (multipart). */
function upload(client: any, tenant: { auth: string }, file: Buffer | null, fields: Record<string, string> = { name: 'Welcome', language: 'en' }) {
  const request = client.post('/api/v1/prompts').header('authorization', tenant.auth).fields(fields)
  return file ? request.file('file', file, { filename: 'welcome.wav', contentType: 'audio/wav' }) : request
}

async function promptPath(org: Tenant, id: string) {
  return tenantFilePath(org.tenant.id, `prompts/${id}.wav`)
}

test.group('Prompts', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an admin uploads a WAV prompt, lists it and plays it back byte for byte', async ({ client, assert }) => {
    const org = await makeTenant()
    const wav = silentWav(1500, 16000)
    const created = await upload(client, org, wav, { name: 'Welcome', language: 'zh-CN' })
    created.assertStatus(201)
    await matchesContract(created)
    const prompt = created.body().data
    assert.deepInclude(prompt, { name: 'Welcome', language: 'zh-CN', durationMs: 1500, bytes: wav.length, builtIn: false })
    assert.isTrue(fs.existsSync(await promptPath(org, prompt.id)))

    const list = await client.get('/api/v1/prompts').header('authorization', org.auth)
    await matchesContract(list)
    assert.deepEqual(list.body().data.map((p: any) => p.id), [prompt.id])
    const audio = await client.get(`/api/v1/prompts/${prompt.id}/audio`).header('authorization', org.auth)
    audio.assertStatus(200)
    await matchesContract(audio)
    assert.equal(audio.header('content-type'), 'audio/wav')
    assert.isTrue(Buffer.from(audio.body()).equals(wav))
  })

  test('a file that is not a playable WAV is refused with the reason on the file field', async ({ client, assert }) => {
    const org = await makeTenant()
    const eightBit = Buffer.concat([wavHeader(800, 8000, 1), Buffer.alloc(800)])
    eightBit.writeUInt16LE(1, 32)
    eightBit.writeUInt16LE(8, 34)
    for (const [file, reason] of [
      [Buffer.from('this is a text file, not audio'), /not a WAV file/],
      [eightBit, /8-bit/],
      [silentWav(100, 96000), /sample rate/],
      [null, /Attach a WAV file/],
    ] as const) {
      const response = await upload(client, org, file as Buffer | null)
      response.assertStatus(422)
      await matchesContract(response)
      assert.equal(response.body().errors[0].field, 'file')
      assert.match(response.body().errors[0].message, reason)
    }
    const nameless = await upload(client, org, silentWav(), { name: '', language: 'en' })
    nameless.assertStatus(422)
    assert.equal(nameless.body().errors[0].field, 'name')
    const taken = await upload(client, org, silentWav())
    taken.assertStatus(201)
    const again = await upload(client, org, silentWav(), { name: 'welcome', language: 'en' })
    again.assertStatus(422)
    assert.equal(again.body().errors[0].rule, 'unique')
    const list = await client.get('/api/v1/prompts').header('authorization', org.auth)
    assert.lengthOf(list.body().data, 1)
  })

  test('a prompt an IVR menu plays cannot be deleted; once unused it goes with its file', async ({ client, assert }) => {
    const org = await makeTenant()
    const prompt = (await upload(client, org, silentWav())).body().data
    const menu = await client.post('/api/v1/ivr-menus').header('authorization', org.auth).json({ name: 'Main menu', greetingPromptId: prompt.id })
    menu.assertStatus(201)
    const refused = await client.delete(`/api/v1/prompts/${prompt.id}`).header('authorization', org.auth)
    refused.assertStatus(409)
    await matchesContract(refused)
    assert.include(refused.body().error.message, 'Main menu')

    await client.patch(`/api/v1/ivr-menus/${menu.body().data.id}`).header('authorization', org.auth).json({ greetingPromptId: null })
    const removed = await client.delete(`/api/v1/prompts/${prompt.id}`).header('authorization', org.auth)
    removed.assertStatus(204)
    await matchesContract(removed)
    assert.isFalse(fs.existsSync(await promptPath(org, prompt.id)))
    const log = await client.get('/api/v1/audit-logs').qs({ action: 'prompts.' }).header('authorization', org.auth)
    assert.includeMembers(log.body().data.map((e: any) => `${e.action} ${e.result}`), ['prompts.store success', 'prompts.destroy success', 'prompts.destroy failure'])
  })

  test("another organisation's prompt is a 404; only voice.manage opens prompts", async ({ client }) => {
    const a = await makeTenant()
    const b = await makeTenant()
    const theirs = (await upload(client, b, silentWav())).body().data
    const audio = await client.get(`/api/v1/prompts/${theirs.id}/audio`).header('authorization', a.auth)
    audio.assertStatus(404)
    await matchesContract(audio)
    ;(await client.delete(`/api/v1/prompts/${theirs.id}`).header('authorization', a.auth)).assertStatus(404)
    const agent = await makeUser(a, ['agent'])
    ;(await upload(client, agent, silentWav())).assertStatus(403)
    ;(await client.get(`/api/v1/prompts/${theirs.id}/audio`).header('authorization', b.auth)).assertStatus(200)
  })
})
