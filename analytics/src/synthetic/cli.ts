/**
 * `npm run -w analytics generate -- --tenant=<uuid> --calls=N [--days=D] [--queues=Q] [--agents=A]
 * [--queue-ids=<uuid>,…] [--agent-ids=<uuid>,…] [--seed=S] [--mode=events|direct|kafka]
 * [--brokers=host:port,…] [--tz=Asia/Shanghai] [--end=YYYY-MM-DD] [--max-seconds=3600]`:
 * a synthetic history for one tenant.
 * - `events` (default up to 1,000,000 calls) and `direct` write into the analytics store of the
 *   environment (CLICKHOUSE_URL, or chDB under ANALYTICS_DIR; not while a web process holds the
 *   same chDB folder).
 * - `kafka` publishes the envelopes to the brokers of `--brokers` (else KAFKA_BROKERS) with the
 *   outbox relay's topics and keys, for the running platform's ingestor to consume; it never opens
 *   the store, so it runs beside `npm start`.
 * `--queue-ids` / `--agent-ids` use the organisation's real queues and agents (their names then
 * show in the data center) instead of made-up ones; `--queues` / `--agents` follow their counts.
 * Exit code 2 on a refused invocation.
 */
import { storeFromEnv } from '../store/analytics_store.ts'
import { generate, type GenerateReport } from './generate.ts'
import { KafkaEnvelopePublisher } from './kafka_mode.ts'
import { GenerateUsageError, parseGenerateArgs } from './options.ts'

let options
try {
  options = parseGenerateArgs(process.argv.slice(2))
} catch (error) {
  if (!(error instanceof GenerateUsageError)) throw error
  console.error(`[generate] ${error.message}`)
  process.exit(2)
}
const log = (line: string) => console.log(`[generate] ${line}`)
let report: GenerateReport | null = null
if (options.mode === 'kafka') {
  const publisher = new KafkaEnvelopePublisher(options.brokers ?? [])
  try {
    report = await generate(publisher, options, { log })
  } catch (error) {
    console.error(`[generate] ${publisher.name}: ${(error as Error).message}`)
    process.exitCode = 1
  } finally {
    await publisher.close()
  }
} else {
  const store = storeFromEnv()
  try {
    await store.migrate()
    report = await generate(store, options, { log })
  } finally {
    await store.close()
  }
}
if (report) console.log(`[generate] done: ${JSON.stringify(report)}`)
