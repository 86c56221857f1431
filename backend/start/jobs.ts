/**
 * Background jobs in the web server process: registers the job kinds and starts the runner.
 * Tests drive the runner themselves (jobRunner.tick()).
 */
import app from '@adonisjs/core/services/app'
import '#identity/jobs/audit_export'
import { jobRunner } from '#jobs/job_runner'

if (app.getEnvironment() === 'web' && !app.inTest) {
  jobRunner.start()
  app.terminating(() => jobRunner.stop())
}
