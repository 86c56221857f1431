/**
 * Redis for the realtime fan-out in the local stack and the tests: Debian's `redis-server` started
 * on loopback only, without persistence (the counters and pub/sub are live state, nothing to keep),
 * with a password made for this run. With REDIS_URL set nothing is started.
 */
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import crypto from 'node:crypto'
import { spawnSync } from 'node:child_process'
import { service } from './processes.mjs'

/**
 * Starts redis-server and returns the env the backend needs plus a stop function, or
 * `{ missing: why }` when there is no redis-server (the platform then fans out in-process).
 */
export async function startRedis({ dataDir, port }) {
  if (process.env.REDIS_URL) return { env: { REDIS_URL: process.env.REDIS_URL }, stop: async () => {}, external: true }
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' })
  if (probe.error || probe.status !== 0) return { missing: 'redis-server is not installed (Debian: apt-get install redis-server), or set REDIS_URL' }
  if (await answersPing(port, null)) return { missing: `port ${port} is already taken by another Redis (set REDIS_URL to use it)` }

  fs.mkdirSync(dataDir, { recursive: true })
  const password = crypto.randomBytes(24).toString('base64url')
  // A config file rather than arguments, so the password does not show in the process list.
  const configFile = path.join(dataDir, 'redis.conf')
  const config = [
    `port ${port}`,
    'bind 127.0.0.1',
    'protected-mode yes',
    'save ""',
    'appendonly no',
    `dir ${JSON.stringify(dataDir)}`,
    `requirepass ${password}`,
    'loglevel warning',
    'logfile ""',
  ]
  fs.writeFileSync(configFile, config.join('\n') + '\n', { mode: 0o600 })
  const server = service('redis-server', [configFile], { stdio: ['ignore', 'ignore', 'inherit'] })
  let exited = null
  server.exited.then((code) => (exited = code))

  const deadline = Date.now() + 15000
  while (Date.now() < deadline && exited === null) {
    if (await answersPing(port, password)) {
      return { env: { REDIS_URL: `redis://:${password}@127.0.0.1:${port}` }, stop: () => server.stop() }
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  await server.stop()
  return { missing: exited === null ? `redis-server did not answer on port ${port}` : `redis-server exited (${exited})` }
}

/** True when a Redis on loopback answers PING (after AUTH when a password is given). */
function answersPing(port, password) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port })
    let reply = ''
    const done = (ok) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(1000, () => done(false))
    socket.on('error', () => done(false))
    socket.on('connect', () => socket.write(`${password ? `AUTH ${password}\r\n` : ''}PING\r\n`))
    socket.on('data', (chunk) => {
      reply += chunk
      if (reply.includes('+PONG')) done(true)
      else if (reply.includes('-NOAUTH') && !password) done(true)
      else if (reply.includes('-')) done(false)
    })
  })
}
