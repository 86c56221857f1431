import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { asAdmin, makeTenant, makeUser } from '#tests/helpers'
import { matchesContract } from '#tests/openapi'
import { silentWav } from '#tests/fixtures/cross_tenant_bodies'
import { newId } from '#shared/ids'
import { createQueue } from '#contact_center/actions/queues'
import { enqueueCall } from '#contact_center/actions/calls'
import { writeTenantFile } from '#voice/voice_files'

type Tenant = Awaited<ReturnType<typeof makeTenant>>

/** A call with recordings as the media side leaves them: rows plus WAV files in the tenant's area. */
async function recordedCall(org: Tenant, statuses: Array<'completed' | 'recording'> = ['completed']) {
  return asAdmin(org, async (scope) => {
    const queueId = await createQueue(scope, { name: `Q ${newId().slice(-6)}` })
    const callId = await enqueueCall(scope, { queueId, channel: 'voice' })
    const recordings = []
    for (const [i, status] of statuses.entries()) {
      const id = newId()
      const audio = silentWav(500 * (i + 1))
      const fileName = `recordings/${id}.wav`
      await writeTenantFile(scope.tenantId, fileName, audio)
      await scope.trx.table('recordings').insert({
        tenant_id: scope.tenantId, id, call_id: callId, file_name: fileName, status, started_at: new Date(Date.now() + i * 1000),
        ended_at: status === 'completed' ? new Date() : null, duration_ms: status === 'completed' ? 500 * (i + 1) : null,
        bytes: status === 'completed' ? audio.length : null, sha256: status === 'completed' ? 'a'.repeat(64) : null,
      })
      recordings.push({ id, audio })
    }
    return { callId, recordings }
  })
}

test.group('Recordings', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a supervisor lists the recordings of a call and listens to one; the listen is in the operation log', async ({ client, assert }) => {
    const org = await makeTenant()
    const supervisor = await makeUser(org, ['supervisor'])
    const { callId, recordings } = await recordedCall(org, ['completed', 'recording'])
    const list = await client.get('/api/v1/recordings').qs({ callId }).header('authorization', supervisor.auth)
    list.assertStatus(200)
    await matchesContract(list)
    assert.deepEqual(list.body().data.map((r: any) => [r.id, r.status]), [[recordings[0].id, 'completed'], [recordings[1].id, 'recording']])
    await matchesContract(await client.get('/api/v1/recordings').header('authorization', supervisor.auth))

    const audio = await client.get(`/api/v1/recordings/${recordings[0].id}/audio`).header('authorization', supervisor.auth)
    audio.assertStatus(200)
    await matchesContract(audio)
    assert.equal(audio.header('content-type'), 'audio/wav')
    assert.isTrue(Buffer.from(audio.body()).equals(recordings[0].audio))
    const unfinished = await client.get(`/api/v1/recordings/${recordings[1].id}/audio`).header('authorization', supervisor.auth)
    unfinished.assertStatus(409)
    await matchesContract(unfinished)

    const log = await client.get('/api/v1/audit-logs').qs({ action: 'recordings.audio' }).header('authorization', org.auth)
    assert.deepEqual(log.body().data.map((e: any) => [e.actorId, e.targetId]), [[supervisor.user.id, recordings[0].id]])
    const bad = await client.get('/api/v1/recordings').qs({ callId: 'nope' }).header('authorization', supervisor.auth)
    bad.assertStatus(422)
    await matchesContract(bad)
  })

  test("another organisation's recording is a 404, and agents cannot listen at all", async ({ client, assert }) => {
    const a = await makeTenant()
    const b = await makeTenant()
    const theirs = await recordedCall(b)
    const audio = await client.get(`/api/v1/recordings/${theirs.recordings[0].id}/audio`).header('authorization', a.auth)
    audio.assertStatus(404)
    await matchesContract(audio)
    const list = await client.get('/api/v1/recordings').qs({ callId: theirs.callId }).header('authorization', a.auth)
    assert.deepEqual(list.body().data, [])
    const agent = await makeUser(b, ['agent'])
    const denied = await client.get(`/api/v1/recordings/${theirs.recordings[0].id}/audio`).header('authorization', agent.auth)
    denied.assertStatus(403)
    await matchesContract(denied)
  })
})
