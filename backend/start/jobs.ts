/**
 * Background work in the web server process: the job runner (with its job kinds) and the ACD
 * sweeper. Tests drive both themselves.
 */
import app from '@adonisjs/core/services/app'
import '#identity/jobs/audit_export'
import '#crm/jobs/customer_export'
import '#crm/jobs/customer_reclassify'
import '#crm/jobs/customer_import'
import { jobRunner } from '#jobs/job_runner'
import { acdSweeper } from '#contact_center/acd_sweeper'
import { careSweeper } from '#crm/care_sweeper'
import { voiceReconciler } from '#voice/voice_events'
import { callConductor } from '#voice/call_conductor'
import { shutdownMediaBots } from '#voice/bot/runtime'

if (app.getEnvironment() === 'web' && !app.inTest) {
  jobRunner.start()
  acdSweeper.start()
  careSweeper.start()
  voiceReconciler.start()
  app.terminating(async () => {
    jobRunner.stop()
    acdSweeper.stop()
    careSweeper.stop()
    voiceReconciler.stop()
    await callConductor.close()
    await shutdownMediaBots()
  })
}
