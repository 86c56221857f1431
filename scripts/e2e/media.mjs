/**
 * Helpers of the end-to-end tests that place real calls (LiveKit media, fake microphones): users
 * with a built-in role, pages with a microphone, the workspace going ready, and waits on what a
 * page hears and on a call's state. `media(suite, password)` binds them to a browser suite.
 */
import assert from 'node:assert/strict'
import { logIn } from './harness.mjs'

export function media(suite, password) {
  const api = suite.api

  /** Invites a user with one built-in role and sets their password through the mailed link. */
  async function invite(admin, slug, roles, name, roleKey) {
    const email = `${name.toLowerCase().replace(/\s+/g, '.')}@${slug}.test`
    const user = (await api('POST', '/users', admin, { email, displayName: name, roleIds: [roles[roleKey]] })).data
    const mail = (await api('GET', '/dev/mailbox')).data.find((m) => m.to === email)
    await api('POST', '/auth/password/reset', null, { token: decodeURIComponent(/token=([^\s&]+)/.exec(mail.body)[1]), password })
    return { ...user, email }
  }

  function signIn(page, slug, email) {
    return logIn(page, suite.platform.baseUrl, { slug, email, password })
  }

  /** Identities this page's browser is subscribed to (the pages' hidden test hook). */
  async function hears(page, testId) {
    const value = await page.getByTestId(testId).getAttribute('data-subscribed-identities')
    return (value ?? '').split(',').filter(Boolean)
  }

  /** Waits until the page hears (or stops hearing) an identity. */
  async function waitHearing(page, testId, identity, expected = true, timeout = 15_000) {
    await page
      .waitForFunction(
        ({ testId, identity, expected }) => {
          const list = (document.querySelector(`[data-testid="${testId}"]`)?.getAttribute('data-subscribed-identities') ?? '').split(',')
          return list.includes(identity) === expected
        },
        { testId, identity, expected },
        { timeout }
      )
      .catch(async () => assert.fail(`${testId} should ${expected ? '' : 'not '}hear ${identity}; it hears ${(await hears(page, testId)).join(', ')}`))
  }

  /** Polls a call until `done` holds (bounded), failing with the call as last seen. */
  async function waitForCall(token, callId, done, timeoutMs = 20_000) {
    const deadline = Date.now() + timeoutMs
    let call
    while (Date.now() < deadline) {
      call = (await api('GET', `/calls/${callId}`, token)).data
      if (done(call)) return call
      await new Promise((r) => setTimeout(r, 250))
    }
    assert.fail(`the call did not get there in ${timeoutMs} ms: ${JSON.stringify(call)}`)
  }

  /** The call's finished recording, once the bot has closed its file (bounded). */
  async function waitForRecording(token, callId, timeoutMs = 15_000) {
    const deadline = Date.now() + timeoutMs
    let list
    while (Date.now() < deadline) {
      list = (await api('GET', `/recordings?callId=${callId}`, token)).data
      if (list.length && list.every((r) => r.status === 'completed')) return list[0]
      await new Promise((r) => setTimeout(r, 250))
    }
    assert.fail(`no completed recording after ${timeoutMs} ms: ${JSON.stringify(list)}`)
  }

  /** A 1366×768 page in its own context, allowed to use the (fake) microphone. */
  async function newPage() {
    const context = await suite.browser.newContext({ viewport: { width: 1366, height: 768 }, permissions: ['microphone'] })
    const page = await context.newPage()
    page.setDefaultTimeout(20_000)
    return page
  }

  /** Opens the agent workspace and goes ready. */
  async function goReady(page) {
    await page.getByTestId('menu-agent-workspace').click()
    await page.getByTestId('workspace-call-bar').waitFor()
    await page.getByTestId('workspace-ready').click()
    await page.waitForFunction(() => /ready|就绪/i.test(document.querySelector('[data-testid="workspace-state"]')?.textContent ?? ''))
  }

  return { invite, signIn, hears, waitHearing, waitForCall, waitForRecording, newPage, goReady }
}
