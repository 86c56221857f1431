/**
 * SIP gateway for the local stack: a livekit-sip binary the developer provides (LIVEKIT_SIP_BIN),
 * started on loopback next to the local LiveKit server and sharing its Redis. Nothing is built or
 * downloaded here: the Go module proxy does not serve livekit-sip, so without a binary SIP is off.
 */
import fs from 'node:fs'
import path from 'node:path'
import dgram from 'node:dgram'
import crypto from 'node:crypto'
import { service } from './processes.mjs'

/** Default SIP signalling port (UDP); LIVEKIT_SIP_PORT changes it. */
export const DEFAULT_SIP_PORT = 5060
/** RTP ports of the gateway, written as a string range (livekit-sip rejects other forms). */
export const DEFAULT_RTP_PORTS = '10000-10100'

/** The binary LIVEKIT_SIP_BIN points at, or `{ missing: why }`. */
export function sipGatewayBinary() {
  const binary = process.env.LIVEKIT_SIP_BIN
  if (!binary) return { missing: 'LIVEKIT_SIP_BIN is not set' }
  try {
    fs.accessSync(binary, fs.constants.X_OK)
  } catch {
    return { missing: `LIVEKIT_SIP_BIN=${binary} is not an executable file` }
  }
  return { binary: path.resolve(binary) }
}

/** Host, port and credentials of a redis:// URL, as LiveKit's `redis` config section wants them. */
export function redisSettings(redisUrl) {
  const url = new URL(redisUrl)
  const db = Number(url.pathname.replace('/', '') || 0)
  return {
    address: `${url.hostname}:${url.port || 6379}`,
    username: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    db: Number.isInteger(db) ? db : 0,
  }
}

/** The `redis:` section shared by the LiveKit server and the SIP gateway configs. */
export function redisYaml(redis) {
  return [
    'redis:',
    `  address: ${redis.address}`,
    ...(redis.username ? [`  username: ${JSON.stringify(redis.username)}`] : []),
    ...(redis.password ? [`  password: ${JSON.stringify(redis.password)}`] : []),
    ...(redis.db ? [`  db: ${redis.db}`] : []),
  ]
}

function config({ livekit, redis, sipPort, rtpPorts, logLevel }) {
  return [
    `api_key: ${livekit.key}`,
    `api_secret: ${JSON.stringify(livekit.secret)}`,
    `ws_url: ${livekit.url.replace(/^http/, 'ws')}`,
    ...redisYaml(redis),
    `sip_port: ${sipPort}`,
    // A string range: livekit-sip does not accept start/end fields here.
    `rtp_port: "${rtpPorts}"`,
    // Signalling on loopback only, and loopback in the SDP it sends. RTP itself binds 0.0.0.0.
    'listen_ip: 127.0.0.1',
    'use_external_ip: false',
    'nat_1_to_1_ip: 127.0.0.1',
    // The default (0.9) refuses calls while tests or builds keep the CPU busy.
    'max_cpu_utilization: 1.0',
    'logging:',
    `  level: ${logLevel}`,
  ].join('\n')
}

/**
 * Starts the SIP gateway against a running local LiveKit (`livekit`: url, key, secret) and its
 * Redis (`redisUrl`). Resolves `{ port, stop }` once it answers SIP OPTIONS, or `{ missing }`.
 */
export async function startSipGateway({ binary, dataDir, livekit, redisUrl, sipPort = DEFAULT_SIP_PORT, rtpPorts = DEFAULT_RTP_PORTS, logLevel = 'warn' }) {
  fs.mkdirSync(dataDir, { recursive: true })
  const configFile = path.join(dataDir, 'sip.yaml')
  fs.writeFileSync(configFile, config({ livekit, redis: redisSettings(redisUrl), sipPort, rtpPorts, logLevel }) + '\n', { mode: 0o600 })
  const gateway = service(binary, ['--config', configFile], { stdio: ['ignore', 'ignore', 'inherit'] })
  let exited = null
  gateway.exited.then((code) => (exited = code))
  const deadline = Date.now() + 20000
  while (Date.now() < deadline && exited === null) {
    if (await answersOptions(sipPort)) return { port: sipPort, stop: () => gateway.stop() }
    await new Promise((r) => setTimeout(r, 250))
  }
  await gateway.stop()
  return { missing: exited === null ? `the SIP gateway did not answer on 127.0.0.1:${sipPort}` : `the SIP gateway exited (${exited})` }
}

/** True when a SIP server on 127.0.0.1:port answers an OPTIONS request (any final response). */
export function answersOptions(port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4')
    const done = (ok) => {
      clearTimeout(timer)
      socket.close()
      resolve(ok)
    }
    const timer = setTimeout(() => done(false), timeoutMs)
    socket.on('error', () => done(false))
    socket.on('message', (message) => {
      const status = /^SIP\/2\.0 (\d{3})/.exec(message.toString())
      if (status && Number(status[1]) >= 200) done(true)
    })
    socket.bind(0, '127.0.0.1', () => {
      const local = socket.address().port
      const tag = crypto.randomBytes(4).toString('hex')
      const request = [
        `OPTIONS sip:ping@127.0.0.1:${port} SIP/2.0`,
        `Via: SIP/2.0/UDP 127.0.0.1:${local};branch=z9hG4bK${tag};rport`,
        'Max-Forwards: 70',
        `From: <sip:probe@127.0.0.1:${local}>;tag=${tag}`,
        `To: <sip:ping@127.0.0.1:${port}>`,
        `Call-ID: probe-${tag}@127.0.0.1`,
        'CSeq: 1 OPTIONS',
        `Contact: <sip:probe@127.0.0.1:${local}>`,
        'Content-Length: 0',
        '',
        '',
      ].join('\r\n')
      socket.send(request, port, '127.0.0.1')
    })
  })
}
