/**
 * `npm run -w analytics ingest`: the ingestor as its own process (production), reading Kafka
 * (KAFKA_BROKERS) into CLICKHOUSE_URL or chDB (ANALYTICS_DIR). `npm run -w analytics migrate`
 * only applies the migrations. SIGTERM/SIGINT leave the group cleanly.
 */
import { startIngestor } from './ingest/embedded.ts'
import { storeFromEnv } from './store/analytics_store.ts'

const command = process.argv[2] ?? 'ingest'
const env = process.env

if (command === 'migrate') {
  const store = storeFromEnv(env)
  const report = await store.migrate()
  console.log(`[analytics] ${store.name}: applied ${report.applied.length} (${report.applied.join(', ') || 'none'}), ${report.alreadyApplied.length} already applied`)
  await store.close()
} else if (command === 'ingest') {
  const brokers = (env.KAFKA_BROKERS ?? '').split(',').map((b) => b.trim()).filter(Boolean)
  if (!brokers.length) {
    console.error('[analytics] KAFKA_BROKERS is not set: the ingestor process reads Kafka (without Kafka the web process ingests in-process)')
    process.exit(2)
  }
  // Fault injection for the tests only: the process kills itself after its Nth insert, before committing.
  const killAfter = Number(env.ANALYTICS_FAULT_KILL_AFTER_INSERTS ?? 0)
  let inserts = 0
  const afterInsert = killAfter > 0 ? () => { if (++inserts >= killAfter) process.kill(process.pid, 'SIGKILL') } : undefined
  const running = await startIngestor({ brokers, env, afterInsert })
  console.log(`[analytics] ingesting from ${running.source} into ${running.store.name}`)
  const stop = async () => {
    await running.stop()
    process.exit(0)
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
} else {
  console.error(`[analytics] unknown command ${command} (ingest, migrate)`)
  process.exit(2)
}
