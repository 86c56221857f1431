import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openStore } from '../store/analytics_store.ts'
import { Ingestor } from '../ingest/ingestor.ts'
import { generate } from '../synthetic/generate.ts'
import { DayEvents } from '../synthetic/events_mode.ts'
import { Simulation } from '../synthetic/simulate.ts'
import { NO_REPEAT, repeatDays } from './first_contacts.ts'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-analytics-fcr-'))
const store = openStore({ chdbDir: dir })
after(async () => {
  await store.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

test('a repeat within N days is a gap of at most N × 24 h, rounded up to whole days; none within 90 days is NO_REPEAT', () => {
  const day = 86_400_000
  assert.deepEqual([0, 1, day, day + 1, 7 * day, 90 * day, 90 * day + 1].map(repeatDays), [0, 1, 1, 2, 7, 90, NO_REPEAT])
  assert.equal(repeatDays(null), NO_REPEAT)
})

test('calls ingested a day at a time in reverse order give every call the same repeat as building them at once', async () => {
  await store.migrate()
  const options = { tenantId: crypto.randomUUID(), calls: 400, days: 4, queues: 2, agents: 0, seed: 'repeats', mode: 'events' as const, timeZone: 'Asia/Shanghai', endDate: '2026-03-03', maxSeconds: 60 }
  const sim = new Simulation(options)
  const sink = new DayEvents(options.tenantId)
  const days = sim.days.map((_, d) => (sim.runDay(d, sink), sink.envelopes()))
  const ingestor = new Ingestor(store, () => {})
  for (const [d, envelopes] of days.entries().toArray().reverse()) {
    await ingestor.ingest(envelopes.map((event, offset) => ({ event, position: { topic: 'cc.calls', partition: d, offset } })), `reverse-${d}`)
  }
  const direct = { ...options, tenantId: crypto.randomUUID(), mode: 'direct' as const }
  await generate(store, direct)
  const repeats = async (tenantId: string) =>
    store
      .forTenant(tenantId)
      .select<{ started_at: string; repeat_days: number }>(`SELECT toString(started_at) AS started_at, repeat_days FROM first_contacts FINAL WHERE tenant_id = {tenant:UUID} ORDER BY started_at, repeat_days`)
  const viaReverse = await repeats(options.tenantId)
  assert.ok(viaReverse.filter((r) => r.repeat_days !== NO_REPEAT).length > 10, 'numbers called again')
  assert.deepEqual(viaReverse, await repeats(direct.tenantId))
})
