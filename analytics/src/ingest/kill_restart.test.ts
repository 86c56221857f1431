import { test } from 'node:test'
import assert from 'node:assert/strict'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { openStore } from '../store/analytics_store.ts'
import { KafkaIngestSource } from './kafka_source.ts'
import { buildScenario } from '../testing/call_scenario.ts'
import { assertScenarioFacts } from '../testing/facts.ts'
import { kafkaBrokersOr, publish, waitFor } from '../testing/kafka.ts'

const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url))

/** `npm run -w analytics ingest` as a child process; resolves with its exit code or signal. */
function ingestProcess(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [CLI, 'ingest'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })))
  return { child, exited, output: () => output }
}

test('the ingestor killed mid-batch (stored, not committed) and restarted → no duplicates, no gaps', async (t) => {
  const brokers = kafkaBrokersOr(t)
  if (!brokers) return
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-analytics-kill-'))
  const groupId = `cc-analytics-kill-${crypto.randomUUID()}`
  const env = { KAFKA_BROKERS: brokers.join(','), ANALYTICS_DIR: dir, ANALYTICS_GROUP_ID: groupId, CLICKHOUSE_URL: '', ANALYTICS_KAFKA_SESSION_TIMEOUT_MS: '6000' }
  const scenarios = [buildScenario(), buildScenario()]
  await publish(brokers, scenarios.flatMap((s) => s.envelopes))
  const lag = new KafkaIngestSource({ brokers, groupId })
  try {
    // First run: SIGKILLed by its own fault hook right after its first insert, before that commit.
    const killed = ingestProcess({ ...env, ANALYTICS_FAULT_KILL_AFTER_INSERTS: '1' })
    const first = await killed.exited
    assert.equal(first.signal, 'SIGKILL', killed.output())
    assert.ok((await lag.lag()).some((p) => p.committed < p.end), 'something was left uncommitted')

    // Second run: resumes at the last commit, inserts the lost chunk again (deduplicated), catches up.
    const resumed = ingestProcess(env)
    await waitFor(async () => (await lag.lag()).every((p) => p.committed === p.end), 90000, `the group catches up\n${resumed.output()}`)
    resumed.child.kill('SIGTERM')
    assert.deepEqual(await resumed.exited, { code: 0, signal: null }, resumed.output())

    // chDB is free again: read what the two processes wrote.
    const store = openStore({ chdbDir: dir })
    try {
      for (const scenario of scenarios) await assertScenarioFacts(store, scenario)
    } finally {
      await store.close()
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
