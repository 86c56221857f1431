import fs from 'node:fs'
import path from 'node:path'
import { hostname } from 'node:os'
import logger from '@adonisjs/core/services/logger'
import { inPlatform } from '#shared/scope'
import { writeAudit } from '#shared/audit'
import { recordEvent } from '#events/outbox'
import { jobKind, type JobContext } from '#jobs/job_kinds'
import { filesRoot, inJobScope } from '#jobs/jobs'
import { permissionsOf } from '#identity/queries/session_query'
import { isPermission } from '#identity/permissions'

const STALE_AFTER_SECONDS = 120
const MAX_ATTEMPTS = 3

/**
 * Claims queued jobs with `FOR UPDATE SKIP LOCKED`, so several backend processes share the queue
 * and no job runs twice at once, and runs them one at a time. A job whose process died (no
 * heartbeat) is queued again, up to three attempts.
 */
export class JobRunner {
  readonly workerId = `${hostname()}:${process.pid}`
  #timer: NodeJS.Timeout | null = null
  #busy = false

  start(intervalMs = 500) {
    this.#timer ??= setInterval(() => void this.tick(), intervalMs)
  }

  stop() {
    if (this.#timer) clearInterval(this.#timer)
    this.#timer = null
  }

  /** Runs at most one queued job; true when it ran one. */
  async tick(): Promise<boolean> {
    if (this.#busy) return false
    this.#busy = true
    try {
      await this.requeueStale()
      const job = await this.claim()
      if (!job) return false
      await this.execute(job)
      return true
    } catch (error) {
      logger.error({ err: error }, 'job runner tick failed')
      return false
    } finally {
      this.#busy = false
    }
  }

  async claim(): Promise<Record<string, any> | null> {
    return inPlatform(async (trx) => {
      const result = await trx.rawQuery(
        `update jobs set status = 'running', locked_by = ?, started_at = now(), heartbeat_at = now(), attempts = attempts + 1
         where id = (select id from jobs where status = 'queued' order by created_at for update skip locked limit 1)
         returning *`,
        [this.workerId]
      )
      return result.rows[0] ?? null
    })
  }

  async requeueStale() {
    await inPlatform((trx) =>
      trx.rawQuery(
        `update jobs set status = case when attempts >= ? then 'failed' else 'queued' end,
           error = case when attempts >= ? then 'The job stopped responding' else error end,
           finished_at = case when attempts >= ? then now() else null end, locked_by = null
         where status = 'running' and heartbeat_at < now() - (? * interval '1 second')`,
        [MAX_ATTEMPTS, MAX_ATTEMPTS, MAX_ATTEMPTS, STALE_AFTER_SECONDS]
      )
    )
  }

  /** Runs one claimed job to its end and records the outcome, the audit row and the event. */
  async execute(job: Record<string, any>) {
    const kind = jobKind(job.kind)
    const tenantDir = path.join(filesRoot(), job.tenant_id)
    const context: JobContext = {
      jobId: job.id,
      params: job.params ?? {},
      progress: (done, total) =>
        inJobScope(job as any, (scope) =>
          scope.trx.from('jobs').where('tenant_id', job.tenant_id).where('id', job.id).update({
            progress_done: done,
            ...(total === undefined ? {} : { progress_total: total }),
            heartbeat_at: new Date(),
          })
        ).then(() => undefined),
      inScope: (work) => inJobScope(job as any, work),
      resultPath: (extension) => {
        fs.mkdirSync(tenantDir, { recursive: true })
        return path.join(tenantDir, `${job.id}.${extension}`)
      },
    }
    let outcome: { status: 'succeeded' | 'failed'; result: Record<string, unknown> | null; error: string | null }
    try {
      if (!kind) throw new Error(`Unknown job kind ${job.kind}`)
      const allowed = await inJobScope(job as any, async (scope) => {
        const permissions = await permissionsOf(scope.trx, scope.tenantId, job.created_by)
        return isPermission(kind.permission) && permissions.has(kind.permission)
      })
      if (!allowed) throw new Error(`The job's owner no longer has the permission ${kind.permission}`)
      const result = await kind.run(context)
      if (typeof result.file === 'string') result.file = path.relative(tenantDir, result.file)
      outcome = { status: 'succeeded', result, error: null }
    } catch (error) {
      logger.warn({ err: error, jobId: job.id }, 'job failed')
      outcome = { status: 'failed', result: null, error: error instanceof Error ? error.message : String(error) }
    }
    await inJobScope(job as any, async (scope) => {
      await scope.trx.from('jobs').where('tenant_id', job.tenant_id).where('id', job.id).update({
        status: outcome.status,
        result: outcome.result ? JSON.stringify(outcome.result) : null,
        error: outcome.error,
        finished_at: new Date(),
        locked_by: null,
        ...(outcome.status === 'succeeded' ? { progress_done: scope.trx.raw('coalesce(progress_total, progress_done)') } : {}),
      })
      await writeAudit(scope.trx, { tenantId: scope.tenantId, actor: scope.actor, origin: scope.origin, action: `job.${job.kind}`, result: outcome.status === 'succeeded' ? 'success' : 'failure', targetType: 'job', targetId: job.id, after: { status: outcome.status, error: outcome.error } })
      await recordEvent(scope, { type: `job.${outcome.status}`, entityType: 'job', entityId: job.id, payload: { kind: job.kind } })
    })
  }
}

/** The process's runner; started by start/jobs.ts in the web server. */
export const jobRunner = new JobRunner()
