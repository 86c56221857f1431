/**
 * End-to-end harness: the real backend (serving the built web app) on a loopback port against the
 * test database, and Debian's Chromium driven by playwright-core. Without Chromium the suite skips
 * on a laptop and fails under CI=true.
 */
import fs from 'node:fs'
import path from 'node:path'
import net from 'node:net'
import assert from 'node:assert/strict'
import { before, after } from 'node:test'
import pg from 'pg'
import { ROOT, BACKEND, buildFrontendIfStale } from '../lib/platform.mjs'
import { service, waitForHttp } from '../lib/processes.mjs'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'e2e')

/** Why the browser suite cannot run here, or null. Under CI a reason is a failure. */
export function missingBrowser() {
  if (fs.existsSync(CHROMIUM)) return null
  return `Chromium not found at ${CHROMIUM} (apt-get install chromium fonts-noto-cjk)`
}

async function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** Builds the web app if needed and starts the backend; returns its base URL and a stop function. */
export async function startPlatform() {
  if (!process.env.DB_APP_URL) throw new Error('Run the end-to-end suite through `npm test` (it provides the database)')
  await buildFrontendIfStale()
  // npm test fixes the port so the LiveKit server it started can deliver webhooks here.
  const port = Number(process.env.E2E_PORT ?? (await freePort()))
  // The backend's log (pino on stdout) is kept as an artifact for when a scenario fails.
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  const log = fs.openSync(path.join(ARTIFACTS, 'backend.log'), 'w')
  const server = service(process.execPath, ['bin/serve.js'], {
    cwd: BACKEND,
    env: { ...process.env, NODE_ENV: 'development', PORT: String(port), HOST: '127.0.0.1', APP_URL: `http://127.0.0.1:${port}`, LOG_LEVEL: 'warn' },
    stdio: ['ignore', log, 'inherit'],
  })
  const baseUrl = `http://127.0.0.1:${port}`
  await waitForHttp(`${baseUrl}/api/health`)
  return { baseUrl, stop: () => server.stop() }
}

/**
 * Launches headless Chromium with the flags this machine needs. With `media`, microphones are a
 * fake device (a beeping tone), permission prompts are granted, and audio plays without a gesture.
 */
export async function launchBrowser({ media = false } = {}) {
  const { chromium } = await import('playwright-core')
  const mediaArgs = media ? ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', '--autoplay-policy=no-user-gesture-required'] : []
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', ...mediaArgs],
  })
}

/**
 * The shared set-up of a browser test file: the platform and Chromium start before its tests and
 * stop after them. `reason` says why the file cannot run here (then its tests skip on a laptop;
 * under CI=true the file fails at once); `missing` adds a reason of the file's own.
 */
export function browserSuite({ media = false, missing = null } = {}) {
  const reason = missingBrowser() ?? missing
  if (reason && process.env.CI === 'true') throw new Error(`CI=true and the browser suite cannot run: ${reason}`)
  const suite = {
    reason,
    platform: null,
    browser: null,
    api: (method, path, token, body) => callApi(suite.platform.baseUrl, method, path, token, body),
  }
  before(async () => {
    if (reason) return
    suite.platform = await startPlatform()
    suite.browser = await launchBrowser({ media })
  })
  after(async () => {
    await suite.browser?.close()
    await suite.platform?.stop()
  })
  return suite
}

/** Calls the platform's API (JSON, optional bearer token); anything but a 2xx fails the test. */
export async function callApi(baseUrl, method, path, token, body) {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await response.text()
  assert.ok(response.ok, `${method} ${path} answered ${response.status}: ${text}`)
  return text ? JSON.parse(text) : null
}

/** Saves a full-page screenshot as a test artifact. */
export async function snap(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true })
}

/**
 * Opens a 1366×768 page of the suite's browser signed in as this user (organisation slug, e-mail,
 * password), after the console has left the login page.
 */
export async function signedInPage(suite, { slug, email, password, acceptDownloads = false }) {
  const page = await suite.browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads })
  page.setDefaultTimeout(20_000)
  await logIn(page, suite.platform.baseUrl, { slug, email, password })
  return page
}

/** Signs in on the login page of an open page and waits until the console has left it. */
export async function logIn(page, baseUrl, { slug, email, password }) {
  await page.goto(`${baseUrl}/login`)
  await page.getByTestId('login-tenant').fill(slug)
  await page.getByTestId('login-email').fill(email)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-password').press('Enter')
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}

/** Picks a UI language in the header and waits until `text` shows in it. */
export async function switchLanguage(page, locale, text) {
  await page.getByTestId('language-switch').click()
  await page.getByTestId(`language-option-${locale}`).click()
  await page.getByText(text).first().waitFor()
}

/** Rows of the tenant as the runtime role sees them (row-level security bound to the tenant). */
export async function tenantRows(tenantId, sql, params) {
  const client = new pg.Client({ connectionString: process.env.DB_APP_URL })
  await client.connect()
  try {
    await client.query('begin')
    await client.query(`select set_config('app.tenant_id', $1, true)`, [tenantId])
    const { rows } = await client.query(sql, params)
    await client.query('commit')
    return rows
  } finally {
    await client.end()
  }
}
