import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { makeTenant, makeUser, PASSWORD, totpNow } from '#tests/helpers'
import { LOCKOUT } from '#identity/actions/login'

test.group('Sign-up and password login', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('a visitor creates an organisation and is signed in as its tenant admin', async ({ client, assert }) => {
    const response = await client.post('/api/v1/signup').json({
      organisationName: '北京客服中心',
      slug: 'beijing-cc',
      timeZone: 'Asia/Shanghai',
      locale: 'zh-CN',
      adminName: '李雷',
      adminEmail: 'lilei@example.cn',
      password: PASSWORD,
    })
    response.assertStatus(201)
    const { data } = response.body()
    assert.equal(data.tenant.slug, 'beijing-cc')
    assert.equal(data.tenant.defaultCountry, 'CN')
    assert.deepEqual(data.user.roles.map((r: any) => r.key), ['tenant_admin'])
    assert.include(data.permissions, 'users.manage')
    const me = await client.get('/api/v1/auth/me').header('authorization', `Bearer ${data.token}`)
    me.assertStatus(200)
    assert.equal(me.body().data.user.email, 'lilei@example.cn')
  })

  test('a taken slug answers 422 on the slug field and writes nothing', async ({ client, assert }) => {
    const first = await makeTenant('Taken Org')
    const response = await client.post('/api/v1/signup').json({
      organisationName: 'Other',
      slug: first.slug,
      timeZone: 'UTC',
      locale: 'en',
      adminName: 'X',
      adminEmail: 'x@other.test',
      password: PASSWORD,
    })
    response.assertStatus(422)
    assert.deepEqual(response.body().errors.map((e: any) => e.field), ['slug'])
  })

  test('bad signup input names every wrong field', async ({ client, assert }) => {
    const response = await client.post('/api/v1/signup').json({ organisationName: '', slug: 'Bad Slug!', timeZone: 'Mars/Base', locale: 'fr', adminEmail: 'nope', password: 'short' })
    response.assertStatus(422)
    const fields = response.body().errors.map((e: any) => e.field)
    for (const field of ['organisationName', 'slug', 'timeZone', 'locale', 'adminName', 'adminEmail', 'password']) assert.include(fields, field)
  })

  test('login with the right password issues a token; a wrong one answers 401 without saying which part was wrong', async ({ client, assert }) => {
    const org = await makeTenant()
    const ok = await client.post('/api/v1/auth/login').json({ tenant: org.slug, email: org.user.email.toUpperCase(), password: PASSWORD })
    ok.assertStatus(200)
    assert.match(ok.body().data.token, /^cc1\./)
    const wrong = await client.post('/api/v1/auth/login').json({ tenant: org.slug, email: org.user.email, password: 'wrong password' })
    wrong.assertStatus(401)
    assert.equal(wrong.body().error.code, 'E_INVALID_CREDENTIALS')
    const unknown = await client.post('/api/v1/auth/login').json({ tenant: org.slug, email: 'ghost@nowhere.test', password: PASSWORD })
    assert.deepEqual(unknown.body(), wrong.body())
  })

  test('an account locks after repeated failures and unlock lets it in again', async ({ client, assert }) => {
    const org = await makeTenant()
    const agent = await makeUser(org, ['agent'])
    for (let i = 0; i < LOCKOUT.failures; i++) {
      await client.post('/api/v1/auth/login').json({ tenant: org.slug, email: agent.user.email, password: 'wrong password' })
    }
    const locked = await client.post('/api/v1/auth/login').json({ tenant: org.slug, email: agent.user.email, password: PASSWORD })
    locked.assertStatus(423)
    assert.equal(locked.body().error.code, 'E_ACCOUNT_LOCKED')
    const unlock = await client.post(`/api/v1/users/${agent.user.id}/unlock`).header('authorization', org.auth)
    unlock.assertStatus(200)
    const again = await client.post('/api/v1/auth/login').json({ tenant: org.slug, email: agent.user.email, password: PASSWORD })
    again.assertStatus(200)
  })

  test('failed and successful logins are in the operation log', async ({ client, assert }) => {
    const org = await makeTenant()
    await client.post('/api/v1/auth/login').json({ tenant: org.slug, email: org.user.email, password: 'wrong password' })
    await client.post('/api/v1/auth/login').json({ tenant: org.slug, email: org.user.email, password: PASSWORD })
    const log = await client.get('/api/v1/audit-logs').qs({ action: 'auth.login' }).header('authorization', org.auth)
    log.assertStatus(200)
    const results = log.body().data.map((r: any) => r.result)
    assert.includeMembers(results, ['success', 'failure'])
    assert.isTrue(log.body().data.every((r: any) => r.ip && r.occurredAt))
  })

  test('logout revokes the token', async ({ client }) => {
    const org = await makeTenant()
    const out = await client.post('/api/v1/auth/logout').header('authorization', org.auth)
    out.assertStatus(204)
    const me = await client.get('/api/v1/auth/me').header('authorization', org.auth)
    me.assertStatus(401)
  })

  test('a forged token for a real tenant is refused', async ({ client }) => {
    const org = await makeTenant()
    const [prefix, tenantId, tokenId] = org.token.split('.')
    const forged = `${prefix}.${tenantId}.${tokenId}.${'x'.repeat(43)}`
    const me = await client.get('/api/v1/auth/me').header('authorization', `Bearer ${forged}`)
    me.assertStatus(401)
  })
})

test.group('Two-factor sign-in', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('after enabling TOTP, login asks for the code and accepts the right one', async ({ client, assert }) => {
    const org = await makeTenant()
    const setup = await client.post('/api/v1/auth/mfa/setup').header('authorization', org.auth)
    setup.assertStatus(200)
    const { secret, otpauthUrl } = setup.body().data
    assert.match(otpauthUrl, /^otpauth:\/\/totp\//)
    const code = await totpNow(secret)
    const bad = await client.post('/api/v1/auth/mfa/enable').header('authorization', org.auth).json({ code: code === '000000' ? '111111' : '000000' })
    bad.assertStatus(422)
    const enable = await client.post('/api/v1/auth/mfa/enable').header('authorization', org.auth).json({ code })
    enable.assertStatus(204)

    const noCode = await client.post('/api/v1/auth/login').json({ tenant: org.slug, email: org.user.email, password: PASSWORD })
    noCode.assertStatus(401)
    assert.equal(noCode.body().error.code, 'E_MFA_REQUIRED')
    const withCode = await client.post('/api/v1/auth/login').json({ tenant: org.slug, email: org.user.email, password: PASSWORD, otp: await totpNow(secret) })
    withCode.assertStatus(200)
    const row = await db.from('users').where('id', org.user.id).first()
    assert.notInclude(row.mfa_secret, secret, 'the secret is stored encrypted')
  })
})

test.group('Password reset and invitations', (group) => {
  group.each.setup(() => testUtils.db().withGlobalTransaction())

  test('an invited user sets a password from the mailed link and can then sign in', async ({ client, assert }) => {
    const org = await makeTenant()
    const invite = await client.post('/api/v1/users').header('authorization', org.auth).json({ email: 'new.agent@example.test', displayName: 'New Agent', roleIds: [org.roleIds.agent] })
    invite.assertStatus(201)
    assert.equal(invite.body().data.status, 'invited')
    const mail = await db.from('dev_mailbox').where('to_address', 'new.agent@example.test').orderBy('created_at', 'desc').first()
    const token = decodeURIComponent(/token=([^\s&]+)/.exec(mail.body)![1])
    const reset = await client.post('/api/v1/auth/password/reset').json({ token, password: 'a brand new password' })
    reset.assertStatus(204)
    const reused = await client.post('/api/v1/auth/password/reset').json({ token, password: 'a brand new password' })
    reused.assertStatus(400)
    const login = await client.post('/api/v1/auth/login').json({ tenant: org.slug, email: 'new.agent@example.test', password: 'a brand new password' })
    login.assertStatus(200)
    assert.equal(login.body().data.user.status, 'active')
  })

  test('forgot password answers the same for unknown accounts and mails known ones', async ({ client, assert }) => {
    const org = await makeTenant()
    const known = await client.post('/api/v1/auth/password/forgot').json({ tenant: org.slug, email: org.user.email })
    const unknown = await client.post('/api/v1/auth/password/forgot').json({ tenant: org.slug, email: 'ghost@nowhere.test' })
    known.assertStatus(202)
    unknown.assertStatus(202)
    assert.deepEqual(known.body(), unknown.body())
    const mails = await db.from('dev_mailbox').where('to_address', org.user.email).where('subject', 'Reset your password')
    assert.lengthOf(mails, 1)
  })
})
