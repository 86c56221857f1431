import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { asAdmin, makeTenant, makeUser } from '#tests/helpers'
import { matchesContract } from '#tests/openapi'
import { createQueue, createSkill, setAgentSkills, setQueueMembers } from '#contact_center/actions/queues'
import { createTeam, setTeamMembers } from '#identity/actions/teams'

test.group('Agent profiles', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a supervisor reads an agent’s skills with levels, teams and queues', async ({ client, assert }) => {
    const org = await makeTenant()
    const supervisor = await makeUser(org, ['supervisor'])
    const agent = await makeUser(org, ['agent'])
    await asAdmin(org, async (scope) => {
      const mandarin = await createSkill(scope, '普通话')
      const billing = await createSkill(scope, 'Billing')
      await setAgentSkills(scope, agent.user.id, [{ skillId: mandarin, level: 8 }, { skillId: billing, level: 3 }])
      const team = await createTeam(scope, { name: 'Night shift' })
      await setTeamMembers(scope, team.id, [agent.user.id])
      await setQueueMembers(scope, await createQueue(scope, { name: 'Hotline' }), [agent.user.id])
      await createQueue(scope, { name: 'Not theirs' })
    })

    const profile = await client.get(`/api/v1/agents/${agent.user.id}/profile`).header('authorization', supervisor.auth)
    profile.assertStatus(200)
    await matchesContract(profile)
    const data = profile.body().data
    assert.equal(data.userId, agent.user.id)
    assert.equal(data.email, agent.user.email)
    assert.deepEqual(data.skills.map((s: any) => [s.name, s.level]), [['Billing', 3], ['普通话', 8]])
    assert.deepEqual(data.teams.map((t: any) => t.name), ['Night shift'])
    assert.deepEqual(data.queues.map((q: any) => q.name), ['Hotline'])
  })

  test('skills saved by a queue admin show up in the profile; an agent cannot read profiles', async ({ client, assert }) => {
    const org = await makeTenant()
    const agent = await makeUser(org, ['agent'])
    const skill = await asAdmin(org, (scope) => createSkill(scope, 'English'))
    const saved = await client.put(`/api/v1/agents/${agent.user.id}/skills`).header('authorization', org.auth).json({ skills: [{ skillId: skill, level: 10 }] })
    saved.assertStatus(200)
    const profile = await client.get(`/api/v1/agents/${agent.user.id}/profile`).header('authorization', org.auth)
    assert.deepEqual(profile.body().data.skills, [{ skillId: skill, name: 'English', level: 10 }])
    assert.deepEqual([profile.body().data.teams, profile.body().data.queues], [[], []])
    ;(await client.get(`/api/v1/agents/${org.user.id}/profile`).header('authorization', agent.auth)).assertStatus(403)
  })

  test('another organisation’s agent answers 404', async ({ client }) => {
    const org = await makeTenant()
    const other = await makeTenant()
    const stranger = await makeUser(other, ['agent'])
    const answer = await client.get(`/api/v1/agents/${stranger.user.id}/profile`).header('authorization', org.auth)
    answer.assertStatus(404)
    await matchesContract(answer)
  })
})
