/**
 * Background work in the web server process: the job runner (with its job kinds), the ACD
 * sweeper, the outbox relay and (embedded default) the analytics ingestor. Tests drive them themselves.
 */
import app from '@adonisjs/core/services/app'
import '#identity/jobs/audit_export'
import '#crm/jobs/customer_export'
import '#crm/jobs/customer_reclassify'
import '#crm/jobs/customer_import'
import '#datacenter/jobs/datacenter_export'
import { jobRunner } from '#jobs/job_runner'
import { acdSweeper } from '#contact_center/acd_sweeper'
import { careSweeper } from '#crm/care_sweeper'
import { voiceReconciler } from '#voice/voice_events'
import { callConductor } from '#voice/call_conductor'
import { shutdownMediaBots } from '#voice/bot/runtime'
import { kafkaBrokers, relayFromEnv } from '#events/relay/relay_from_env'
import { subscribeToPublishedEvents } from '#events/relay/in_process_publisher'
import { analyticsStore, closeAnalyticsStore } from '#datacenter/store'
import logger from '@adonisjs/core/services/logger'

if (app.getEnvironment() === 'web' && !app.inTest) {
  jobRunner.start()
  acdSweeper.start()
  careSweeper.start()
  voiceReconciler.start()
  // Subscribed before the relay publishes, so the in-process bus hands it every event.
  const analytics = await startAnalyticsIngestor()
  const outboxRelay = relayFromEnv()
  outboxRelay.start()
  app.terminating(async () => {
    jobRunner.stop()
    acdSweeper.stop()
    careSweeper.stop()
    voiceReconciler.stop()
    await outboxRelay.stop()
    await analytics?.stop()
    await closeAnalyticsStore()
    await callConductor.close()
    await shutdownMediaBots()
  })
}

/**
 * The analytics ingestor in this process (ANALYTICS_INGEST=off leaves it to `npm run -w analytics
 * ingest`): Kafka when KAFKA_BROKERS is set, otherwise the in-process bus; into the process's one
 * store (CLICKHOUSE_URL or chDB), which the data-center API reads too.
 */
async function startAnalyticsIngestor() {
  const { startIngestor, embeddedIngestWanted } = await import('@cc/analytics')
  if (!embeddedIngestWanted()) return null
  try {
    const running = await startIngestor({ brokers: kafkaBrokers(), subscribe: subscribeToPublishedEvents, store: await analyticsStore(), log: (level, message) => logger[level](`analytics: ${message}`) })
    logger.info(`analytics: ingesting from ${running.source} into ${running.store.name}`)
    return running
  } catch (error) {
    logger.error({ err: error }, 'analytics: the ingestor did not start; the data center misses events until it runs')
    return null
  }
}
