/**
 * `npm start`: the whole platform on one machine with embedded defaults. Starts PostgreSQL
 * (embedded unless DATABASE_URL is set), migrates, seeds the demo tenant once, builds the Angular
 * app when its sources are newer than the build, and serves everything on one origin.
 * Ctrl-C stops every part cleanly; the data stays under .data/ for the next start.
 */
import path from 'node:path'
import { ROOT, BACKEND, prepareDatabase, migrate, keptSecret, buildFrontendIfStale } from './lib/platform.mjs'
import { run, service, waitForHttp } from './lib/processes.mjs'
import { startLivekit } from './lib/livekit.mjs'
import { startRedis } from './lib/redis.mjs'
import { startKafka } from './lib/kafka.mjs'
import { DEFAULT_SIP_PORT, sipGatewayBinary, startSipGateway } from './lib/sip.mjs'

const dataDir = path.join(ROOT, '.data', 'dev')
const port = Number(process.env.PORT ?? 3333)
const host = process.env.HOST ?? '127.0.0.1'
const say = (m) => console.log(`[stack] ${m}`)

const stoppers = []
let stopping = false
async function shutdown(code = 0) {
  if (stopping) return
  stopping = true
  say('stopping…')
  for (const stop of stoppers.reverse()) await stop().catch((e) => console.error(e))
  process.exit(code)
}
process.on('SIGINT', () => shutdown(0))
process.on('SIGTERM', () => shutdown(0))

try {
  say(process.env.DATABASE_URL ? 'using external PostgreSQL (DATABASE_URL)' : 'starting embedded PostgreSQL under .data/dev')
  const db = await prepareDatabase({ dataDir, port: Number(process.env.EMBEDDED_PG_PORT ?? 54329), database: 'callcenter', log: () => {} })
  stoppers.push(db.stop)
  const env = { ...process.env, ...db.env, FILES_DIR: process.env.FILES_DIR ?? path.join(dataDir, 'files'), ANALYTICS_DIR: process.env.ANALYTICS_DIR ?? path.join(dataDir, 'analytics'), NODE_ENV: process.env.NODE_ENV ?? 'development', PORT: String(port), HOST: host }

  const redis = await startRedis({ dataDir: path.join(dataDir, 'redis'), port: Number(process.env.EMBEDDED_REDIS_PORT ?? 6390) })
  if (redis.env) {
    Object.assign(env, redis.env)
    stoppers.push(redis.stop)
    say(redis.external ? 'realtime fan-out: external Redis (REDIS_URL)' : 'realtime fan-out: Redis on 127.0.0.1 (embedded)')
  } else {
    say(`realtime fan-out is in-process — ${redis.missing}. Fine for one backend process.`)
  }

  const kafkaPort = Number(process.env.KAFKA_PORT ?? 9092)
  const kafka = await startKafka({ dataDir: path.join(dataDir, 'kafka'), port: kafkaPort, controllerPort: Number(process.env.KAFKA_CONTROLLER_PORT ?? kafkaPort + 1), log: say })
  if (kafka.env) {
    Object.assign(env, kafka.env)
    stoppers.push(kafka.stop)
    say(kafka.external ? 'event bus: external Kafka (KAFKA_BROKERS)' : `event bus: Apache Kafka at ${kafka.env.KAFKA_BROKERS} (embedded)`)
  } else {
    say(`event bus is in-process — ${kafka.missing}. Everything else works.`)
  }

  const webhookUrl = `http://127.0.0.1:${port}/api/v1/voice/webhooks/livekit`
  // A SIP gateway talks to LiveKit through Redis, so LiveKit gets the stack's Redis when a gateway is wanted.
  const sipBinary = sipGatewayBinary()
  const sipRedis = sipBinary.binary ? redis.env?.REDIS_URL : undefined
  const voice = await startLivekit({ dataDir: path.join(dataDir, 'livekit'), port: Number(process.env.LIVEKIT_PORT ?? 7880), udpPort: Number(process.env.LIVEKIT_UDP_PORT ?? 7882), webhookUrl, sip: sipRedis ? { redisUrl: sipRedis } : undefined, log: say })
  if (voice.env) {
    Object.assign(env, voice.env)
    stoppers.push(voice.stop)
    say(`voice on: LiveKit at ${voice.env.LIVEKIT_URL}`)
  } else {
    say(`voice is OFF — ${voice.missing}. Everything else works.`)
  }

  const sipOff = (why) => say(`SIP gateway: off — ${why}; see docs/voice-local-stack.md`)
  if (voice.local) {
    // Only a gateway started here may make the backend offer phone numbers.
    env.LIVEKIT_SIP = 'false'
    if (!sipBinary.binary) sipOff(sipBinary.missing === 'LIVEKIT_SIP_BIN is not set' ? 'set LIVEKIT_SIP_BIN to a livekit-sip binary' : sipBinary.missing)
    else if (!sipRedis) sipOff(`it needs Redis (${redis.missing})`)
    else {
      const sipPort = Number(process.env.LIVEKIT_SIP_PORT ?? DEFAULT_SIP_PORT)
      const livekit = { url: voice.env.LIVEKIT_URL, key: voice.env.LIVEKIT_API_KEY, secret: voice.env.LIVEKIT_API_SECRET }
      const sip = await startSipGateway({ binary: sipBinary.binary, dataDir: path.join(dataDir, 'sip'), livekit, redisUrl: sipRedis, sipPort })
      if (sip.port) {
        stoppers.push(sip.stop)
        env.LIVEKIT_SIP = 'true'
        say(`SIP gateway: on at 127.0.0.1:${sip.port} (udp)`)
      } else {
        sipOff(sip.missing)
      }
    }
  } else if (voice.env) {
    say(env.LIVEKIT_SIP === 'true' ? 'SIP gateway: the one of the LiveKit at LIVEKIT_URL (LIVEKIT_SIP=true)' : 'SIP gateway: off — set LIVEKIT_SIP=true if the LiveKit at LIVEKIT_URL has one')
  }

  say('running migrations')
  await migrate(env)

  const demoPassword = process.env.DEMO_PASSWORD ?? keptSecret(dataDir, 'demo-password')
  await run(process.execPath, ['ace.js', 'seed:demo', `--password=${demoPassword}`], { cwd: BACKEND, env })
  // The gateway's trunks live in the media server's Redis, which a restart empties: route the numbers again.
  if (env.LIVEKIT_SIP === 'true') await run(process.execPath, ['ace.js', 'voice:sync-numbers'], { cwd: BACKEND, env })

  if (await buildFrontendIfStale()) say('built the web app')

  const server = service(process.execPath, ['bin/serve.js'], { cwd: BACKEND, env })
  stoppers.push(() => server.stop())
  server.exited.then((code) => !stopping && (say(`backend exited (${code})`), shutdown(1)))
  await waitForHttp(`http://${host}:${port}/api/health`)
  say(`ready: http://localhost:${port}  (API docs: http://localhost:${port}/api/docs)`)
} catch (error) {
  console.error(`[stack] ${error.message}`)
  await shutdown(1)
}
