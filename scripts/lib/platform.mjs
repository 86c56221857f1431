/**
 * Brings the platform's data layer up for one purpose (dev stack or tests): PostgreSQL (embedded
 * unless DATABASE_URL is set), migrations as the owner role, and the backend environment.
 */
import path from 'node:path'
import fs from 'node:fs'
import crypto from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { startEmbeddedPostgres, loadSecrets } from './postgres.mjs'
import { run } from './processes.mjs'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const BACKEND = path.join(ROOT, 'backend')

/** Starts or connects the database and returns the env the backend needs, plus a stop function. */
export async function prepareDatabase({ dataDir, port, database, fresh = false, log }) {
  if (process.env.DATABASE_URL) {
    if (!process.env.DATABASE_APP_URL) {
      throw new Error('With DATABASE_URL (the owner role, runs migrations) set DATABASE_APP_URL too (the runtime role: no superuser, no BYPASSRLS, not the owner).')
    }
    const appUrl = new URL(process.env.DATABASE_APP_URL)
    const appKey = process.env.APP_KEY ?? loadSecrets(dataDir).appKey
    return {
      env: { DB_OWNER_URL: process.env.DATABASE_URL, DB_APP_URL: process.env.DATABASE_APP_URL, DB_APP_ROLE: decodeURIComponent(appUrl.username), APP_KEY: appKey },
      stop: async () => {},
    }
  }
  fs.mkdirSync(dataDir, { recursive: true })
  const pg = await startEmbeddedPostgres({ dataDir, port, database, fresh, log })
  return {
    env: { DB_OWNER_URL: pg.ownerUrl, DB_APP_URL: pg.appUrl, DB_APP_ROLE: 'cc_app', APP_KEY: process.env.APP_KEY ?? pg.appKey },
    stop: pg.stop,
  }
}

/** Runs the migrations as the owner role. */
export async function migrate(env) {
  await run(process.execPath, ['ace.js', 'migration:run', '--connection=owner', '--force'], { cwd: BACKEND, env: { ...process.env, ...env } })
}

/** A stable random value kept with the data (demo password, etc.). */
export function keptSecret(dataDir, name) {
  const file = path.join(dataDir, `${name}.txt`)
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim()
  const value = crypto.randomBytes(9).toString('base64url')
  fs.writeFileSync(file, value + '\n', { mode: 0o600 })
  return value
}

/** Builds the SPA when there is no build or a source file is newer than it; true when it built. */
export async function buildFrontendIfStale() {
  const frontend = path.join(ROOT, 'frontend')
  const index = path.join(frontend, 'dist', 'frontend', 'browser', 'index.html')
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0
  const newest = Math.max(newestMtime(path.join(frontend, 'src')), newestMtime(path.join(frontend, 'public')))
  if (built && newest <= built) return false
  console.log('[build] ng build (web app sources changed)')
  await run('npm', ['run', 'build', '-w', '@cc/frontend'], { cwd: ROOT })
  return true
}

function newestMtime(dir) {
  let newest = 0
  if (!fs.existsSync(dir)) return newest
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs)
  }
  return newest
}
