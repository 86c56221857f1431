/**
 * LiveKit server for the local stack and the tests: built once with `go install` from the Go
 * module proxy at a pinned version into a cache outside the repo, then started on loopback only.
 * With LIVEKIT_URL set nothing is built or started.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import crypto from 'node:crypto'
import { spawnSync } from 'node:child_process'
import { service } from './processes.mjs'
import { redisSettings, redisYaml } from './sip.mjs'

/** Newest livekit-server release without `replace` directives (go install refuses those). */
export const LIVEKIT_VERSION = 'v1.13.5'
const CACHE = process.env.CC_VOICE_CACHE ?? path.join(os.homedir(), '.cache', 'cc-voice')
const BINARY = path.join(CACHE, 'bin', `livekit-server-${LIVEKIT_VERSION}`)

/** The binary's path, building it when Go is present; otherwise `{ missing: why }`. */
export function ensureLivekitServer(log = console.log) {
  if (fs.existsSync(BINARY)) return { binary: BINARY }
  const go = spawnSync('go', ['version'], { encoding: 'utf8' })
  if (go.status !== 0) return { missing: 'Go is not installed, so LiveKit server cannot be built (install Go 1.22+ or set LIVEKIT_URL)' }
  log(`[voice] building LiveKit server ${LIVEKIT_VERSION} with go install (first time only, a few minutes)…`)
  const gobin = path.join(CACHE, 'build-bin')
  const env = { ...process.env, GOBIN: gobin, GOPATH: path.join(CACHE, 'gopath'), GOCACHE: path.join(CACHE, 'gocache'), GOFLAGS: '-buildvcs=false' }
  const built = spawnSync('go', ['install', '-trimpath', `github.com/livekit/livekit-server/cmd/server@${LIVEKIT_VERSION}`], { env, stdio: 'inherit' })
  if (built.status !== 0) return { missing: `go install of livekit-server ${LIVEKIT_VERSION} failed` }
  fs.mkdirSync(path.dirname(BINARY), { recursive: true })
  fs.renameSync(path.join(gobin, 'server'), BINARY)
  return { binary: BINARY }
}

/** Loopback-only configuration: plain `--bind` still lets ICE listen on every interface. */
function config({ port, udpPort, key, secret, webhookUrl, sip, logLevel = 'warn' }) {
  return [
    `port: ${port}`,
    'bind_addresses: [127.0.0.1]',
    'keys:',
    `  ${key}: ${secret}`,
    'rtc:',
    '  tcp_port: 0',
    `  udp_port: ${udpPort}`,
    '  use_external_ip: false',
    '  node_ip: 127.0.0.1',
    '  enable_loopback_candidate: true',
    '  interfaces:',
    '    includes: [lo]',
    // A SIP gateway reaches LiveKit only through a shared Redis (without it: "sip not connected").
    ...(sip ? redisYaml(redisSettings(sip.redisUrl)) : []),
    'room:',
    // Rooms exist only when the backend creates them, except with a SIP gateway: it joins a room it
    // names per call (dispatch rule prefix + caller + random) with a token that cannot create rooms.
    `  auto_create: ${sip ? 'true' : 'false'}`,
    '  empty_timeout: 300',
    // Hold and forced mute are enforced by the server; retrieve and unmute must be able to undo them.
    '  enable_remote_unmute: true',
    ...(webhookUrl ? ['webhook:', `  api_key: ${key}`, '  urls:', `    - ${webhookUrl}`] : []),
    'logging:',
    `  level: ${logLevel}`,
  ].join('\n')
}

/**
 * Starts LiveKit server (building it if needed) and returns the env the backend needs, or
 * `{ missing }` with the reason voice is off. With `sip: { redisUrl }` it is ready for a SIP gateway
 * (shared Redis, rooms created on join); `local` is true when it was started here, not LIVEKIT_URL.
 */
export async function startLivekit({ dataDir, port, udpPort, webhookUrl, sip, logLevel, log = console.log }) {
  if (process.env.LIVEKIT_URL) {
    return { env: { LIVEKIT_URL: process.env.LIVEKIT_URL, LIVEKIT_API_KEY: process.env.LIVEKIT_API_KEY, LIVEKIT_API_SECRET: process.env.LIVEKIT_API_SECRET }, stop: async () => {} }
  }
  const found = ensureLivekitServer(log)
  if (!found.binary) return { missing: found.missing }
  fs.mkdirSync(dataDir, { recursive: true })
  const secretsFile = path.join(dataDir, 'livekit-keys.json')
  if (!fs.existsSync(secretsFile)) {
    fs.writeFileSync(secretsFile, JSON.stringify({ key: `cc${crypto.randomBytes(6).toString('hex')}`, secret: crypto.randomBytes(32).toString('base64url') }), { mode: 0o600 })
  }
  const { key, secret } = JSON.parse(fs.readFileSync(secretsFile, 'utf8'))
  const configFile = path.join(dataDir, 'livekit.yaml')
  fs.writeFileSync(configFile, config({ port, udpPort, key, secret, webhookUrl, sip, logLevel }), { mode: 0o600 })
  const server = service(found.binary, ['--config', configFile], { stdio: ['ignore', 'ignore', 'inherit'] })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 30000
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return { env: { LIVEKIT_URL: url, LIVEKIT_API_KEY: key, LIVEKIT_API_SECRET: secret }, local: true, stop: () => server.stop() }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  await server.stop()
  return { missing: `LiveKit server did not answer on ${url}` }
}
