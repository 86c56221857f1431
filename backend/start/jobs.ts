/**
 * Background work in the web server process: the job runner (with its job kinds) and the ACD
 * sweeper. Tests drive both themselves.
 */
import app from '@adonisjs/core/services/app'
import '#identity/jobs/audit_export'
import { jobRunner } from '#jobs/job_runner'
import { acdSweeper } from '#contact_center/acd_sweeper'

if (app.getEnvironment() === 'web' && !app.inTest) {
  jobRunner.start()
  acdSweeper.start()
  app.terminating(() => {
    jobRunner.stop()
    acdSweeper.stop()
  })
}
