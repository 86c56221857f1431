/**
 * `npm run -w analytics generate -- --tenant=<uuid> --calls=N [--days=D] [--queues=Q] [--agents=A]
 * [--seed=S] [--mode=events|direct] [--tz=Asia/Shanghai] [--end=YYYY-MM-DD] [--max-seconds=3600]`:
 * a synthetic history for one tenant in the analytics store of the environment (CLICKHOUSE_URL, or
 * chDB under ANALYTICS_DIR; not while a web process holds the same chDB folder).
 */
import { storeFromEnv } from '../store/analytics_store.ts'
import { generate } from './generate.ts'
import { GenerateUsageError, parseGenerateArgs } from './options.ts'

let options
try {
  options = parseGenerateArgs(process.argv.slice(2))
} catch (error) {
  if (!(error instanceof GenerateUsageError)) throw error
  console.error(`[generate] ${error.message}`)
  process.exit(2)
}
const store = storeFromEnv()
try {
  await store.migrate()
  const report = await generate(store, options, { log: (line) => console.log(`[generate] ${line}`) })
  console.log(`[generate] done: ${JSON.stringify(report)}`)
} finally {
  await store.close()
}
