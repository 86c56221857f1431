/**
 * `npm test`: every suite against real services. Starts a fresh embedded PostgreSQL database
 * (unless DATABASE_URL is set) and a LiveKit server on loopback (built once with `go install`,
 * unless LIVEKIT_URL is set) and Debian's redis-server for the realtime fan-out (unless REDIS_URL is
 * set) and Apache Kafka (jars from Maven Central, Java 17; unless KAFKA_BROKERS is set), migrates
 * the database as the owner role, then runs the backend's Japa suites, the analytics package's tests, the Angular unit tests and the browser end-to-end tests, and
 * prints one total. With CI=true a suite that cannot find a service it needs fails instead of
 * skipping.
 *
 * Options: `npm test -- --only=backend,e2e` runs a subset (backend, analytics, frontend, e2e);
 * `--e2e=customer-import,voice` runs only the end-to-end files whose names contain one of the words;
 * other arguments go to the backend's Japa runner (`--files=…`, `--tests=…`).
 */
import fs from 'node:fs'
import path from 'node:path'
import { spawn } from 'node:child_process'
import { ROOT, BACKEND, prepareDatabase, migrate } from './lib/platform.mjs'
import { startLivekit } from './lib/livekit.mjs'
import { startRedis } from './lib/redis.mjs'
import { startKafka } from './lib/kafka.mjs'

const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',')
const wanted = (name) => !only || only.includes(name)
// Anything else goes to the backend's Japa runner, e.g. `--files=app/voice/tests/functional/call_bot.spec.ts`.
const japaArgs = process.argv.slice(2).filter((a) => !a.startsWith('--only=') && !a.startsWith('--e2e='))
const e2eWords = process.argv.find((a) => a.startsWith('--e2e='))?.slice(6).split(',')
const e2eFiles = fs
  .readdirSync(path.join(ROOT, 'scripts', 'e2e'))
  .filter((f) => f.endsWith('.test.mjs') && (!e2eWords || e2eWords.some((word) => f.includes(word))))
  .map((f) => path.join('scripts', 'e2e', f))
const pgPort = Number(process.env.TEST_PG_PORT ?? 54339)
const dataDir = path.join(ROOT, '.data', `test-${pgPort}`)
const totals = { passed: 0, failed: 0, skipped: 0 }
const failedSuites = []

// Kafka (broker, controller, a fault-injection listener and the port the tests' proxy takes) starts while the rest comes up.
const kafkaPort = Number(process.env.TEST_KAFKA_PORT ?? 20000 + (pgPort % 1000) * 4)
const kafkaStarting = wanted('backend') || wanted('e2e') || wanted('analytics')
  ? startKafka({ dataDir: path.join(dataDir, 'kafka'), port: kafkaPort, controllerPort: kafkaPort + 1, faultListener: { port: kafkaPort + 2, advertisedPort: kafkaPort + 3 }, fresh: true, quickStart: true, log: (m) => console.log(m) })
  : Promise.resolve({ missing: 'not needed' })
const db = await prepareDatabase({ dataDir, port: pgPort, database: 'callcenter_test', fresh: true, log: () => {} })
const env = { ...process.env, ...db.env, FILES_DIR: path.join(dataDir, 'files'), ANALYTICS_DIR: path.join(dataDir, 'analytics'), NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' }
// LiveKit and the end-to-end backend get ports derived from the PostgreSQL port too; LiveKit sends its
// webhooks to the end-to-end backend (the Japa suites post signed webhooks themselves).
const livekitPort = Number(process.env.TEST_LIVEKIT_PORT ?? 7000 + (pgPort % 1000))
env.E2E_PORT = process.env.E2E_PORT ?? String(4000 + (pgPort % 1000))
const voice = wanted('backend') || wanted('e2e')
  ? await startLivekit({ dataDir: path.join(dataDir, 'livekit'), port: livekitPort, udpPort: livekitPort + 2, webhookUrl: `http://127.0.0.1:${env.E2E_PORT}/api/v1/voice/webhooks/livekit`, logLevel: 'error' })
  : { missing: 'not needed' }
if (voice.env) Object.assign(env, voice.env)
else if (wanted('backend') || wanted('e2e')) console.log(`[test] voice tests will ${process.env.CI === 'true' ? 'FAIL' : 'skip'}: ${voice.missing}`)
// Redis sits above the ephemeral port range, derived from the PostgreSQL port so parallel runs do not collide.
const redis = wanted('backend') || wanted('e2e') ? await startRedis({ dataDir: path.join(dataDir, 'redis'), port: Number(process.env.TEST_REDIS_PORT ?? pgPort + 10000) }) : { missing: 'not needed' }
if (redis.env) Object.assign(env, redis.env)
else if (wanted('backend')) console.log(`[test] Redis fan-out tests will ${process.env.CI === 'true' ? 'FAIL' : 'skip'}: ${redis.missing}`)
const kafka = await kafkaStarting
if (kafka.env) {
  Object.assign(env, kafka.env)
  if (!kafka.external) Object.assign(env, { KAFKA_FAULT_LISTENER: `127.0.0.1:${kafkaPort + 2}`, KAFKA_FAULT_PROXY_PORT: String(kafkaPort + 3) })
} else if (kafka.missing !== 'not needed') {
  console.log(`[test] Kafka is off, event-bus tests will ${process.env.CI === 'true' ? 'FAIL' : 'skip'}: ${kafka.missing}`)
  if (process.env.CI === 'true') {
    failedSuites.push('kafka')
    totals.failed += 1
  }
}
try {
  await migrate(env)
  if (wanted('backend')) await suite('backend', process.execPath, ['ace.js', 'test', ...japaArgs], { cwd: BACKEND, env })
  if (wanted('analytics')) await suite('analytics', 'npm', ['test', '-w', '@cc/analytics'], { cwd: ROOT, env })
  if (wanted('frontend')) await suite('frontend', 'npm', ['test', '-w', '@cc/frontend'], { cwd: ROOT, env })
  if (wanted('e2e')) await suite('e2e', process.execPath, ['--test', '--test-concurrency=1', ...e2eFiles], { cwd: ROOT, env })
} finally {
  await voice.stop?.()
  await redis.stop?.()
  await kafka.stop?.()
  await db.stop()
}

console.log(`\n${failedSuites.length ? `Failed suites: ${failedSuites.join(', ')}` : 'All suites passed'}`)
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(failedSuites.length ? 1 : 0)

/** Runs one suite, streaming its output and reading its pass/fail counts from its summary. */
function suite(name, command, args, options) {
  console.log(`\n=== ${name} ===`)
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'], env: { ...options.env, FORCE_COLOR: '0' } })
    let output = ''
    const take = (stream, sink) => stream.on('data', (chunk) => { output += chunk; sink.write(chunk) })
    take(child.stdout, process.stdout)
    take(child.stderr, process.stderr)
    child.on('exit', (code) => {
      const counts = countsOf(output)
      totals.passed += counts.passed
      totals.failed += counts.failed
      totals.skipped += counts.skipped
      if (code !== 0 || counts.failed > 0 || counts.passed === 0) {
        failedSuites.push(name)
        if (counts.failed === 0) totals.failed += 1
      }
      resolve()
    })
  })
}

/** Pass/fail/skip counts from Japa ("Tests  12 passed"), Vitest ("Tests  5 passed (5)") or node:test ("# pass 3"). */
function countsOf(text) {
  const plain = text.replace(/\x1b\[[0-9;]*m/g, '')
  const pick = (re) => [...plain.matchAll(re)].reduce((sum, m) => sum + Number(m[1]), 0)
  const node = { passed: pick(/^(?:#|ℹ) pass (\d+)/gm), failed: pick(/^(?:#|ℹ) fail (\d+)/gm), skipped: pick(/^(?:#|ℹ) skipped (\d+)/gm) }
  if (node.passed + node.failed + node.skipped > 0) return node
  const testsLine = [...plain.matchAll(/^\s*Tests\s+(.+)$/gm)].map((m) => m[1]).join(' ')
  const num = (re) => Number(re.exec(testsLine)?.[1] ?? 0)
  return { passed: num(/(\d+) passed/), failed: num(/(\d+) failed/), skipped: num(/(\d+) skipped/) }
}
