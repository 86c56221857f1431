import path from 'node:path'
import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { newId } from '#shared/ids'
import { AppError, notFound } from '#shared/errors'
import { inTenant, type TenantScope } from '#shared/scope'
import { recordEvent } from '#events/outbox'
import { iso } from '#shared/time'
import { jobKind } from '#jobs/job_kinds'

/** The API shape of a job. */
export interface JobResource {
  id: string
  kind: string
  status: 'queued' | 'running' | 'succeeded' | 'failed'
  progress: { done: number; total: number | null; percent: number | null }
  result: Record<string, unknown> | null
  error: string | null
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
  downloadable: boolean
}

/** Maps a jobs row to the API shape; the file location stays private. */
export function toJobResource(row: Record<string, any>): JobResource {
  const total = row.progress_total ?? null
  const { file, ...result } = (row.result ?? {}) as Record<string, unknown>
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    progress: {
      done: row.progress_done,
      total,
      percent: row.status === 'succeeded' ? 100 : total ? Math.min(99, Math.floor((row.progress_done / total) * 100)) : null,
    },
    result: row.result ? result : null,
    error: row.error,
    createdAt: iso(row.created_at)!,
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
    downloadable: row.status === 'succeeded' && typeof file === 'string',
  }
}

/** Queues a job for the acting user; any backend process may run it. */
export async function enqueueJob(scope: TenantScope, kind: string, params: Record<string, unknown>) {
  if (!jobKind(kind)) throw new AppError(400, 'E_BAD_REQUEST', `Unknown job kind ${kind}`)
  if (scope.actor.type !== 'user') throw new AppError(403, 'E_FORBIDDEN', 'Only users start jobs')
  const id = newId()
  await scope.trx.table('jobs').insert({ tenant_id: scope.tenantId, id, kind, params: JSON.stringify(params), created_by: scope.actor.id })
  await recordEvent(scope, { type: 'job.queued', entityType: 'job', entityId: id, payload: { kind } })
  return findJob(scope, id)
}

/** One of the acting user's jobs; other users' jobs answer 404 like missing ones. */
export async function findJobRow(scope: TenantScope, id: string) {
  const row = await scope.trx.from('jobs').where('tenant_id', scope.tenantId).where('id', id).where('created_by', scope.actor.id!).first()
  if (!row) throw notFound('Job')
  return row
}

export async function findJob(scope: TenantScope, id: string) {
  return toJobResource(await findJobRow(scope, id))
}

/** The acting user's recent jobs, newest first. */
export async function listJobs(scope: TenantScope) {
  const rows = await scope.trx.from('jobs').where('tenant_id', scope.tenantId).where('created_by', scope.actor.id!).orderBy('created_at', 'desc').limit(50)
  return rows.map(toJobResource)
}

/** Root of the file area; each tenant has its own folder below it. */
export function filesRoot() {
  return path.resolve(env.get('FILES_DIR') ?? app.makePath('../.data/files'))
}

/** The absolute path of a finished job's file, checked to lie inside the tenant's folder. */
export async function jobFile(scope: TenantScope, id: string) {
  const row = await findJobRow(scope, id)
  const file = row.result?.file
  if (row.status !== 'succeeded' || typeof file !== 'string') throw new AppError(409, 'E_CONFLICT', 'This job has no file to download yet')
  const tenantDir = path.join(filesRoot(), scope.tenantId)
  const absolute = path.resolve(tenantDir, file)
  if (!absolute.startsWith(tenantDir + path.sep)) throw notFound('Job')
  return { absolute, name: (row.result?.fileName as string) ?? path.basename(absolute) }
}

/** Runs work in a fresh transaction of a job's tenant, acting as the job's creator. */
export function inJobScope<T>(job: { tenant_id: string; created_by: string; id: string }, work: (scope: TenantScope) => Promise<T>) {
  return inTenant(job.tenant_id, async (trx) => {
    const creator = await trx.from('users').where('tenant_id', job.tenant_id).where('id', job.created_by).select('email').first()
    return work({
      tenantId: job.tenant_id,
      trx,
      actor: { type: 'user', id: job.created_by, email: creator?.email ?? '' },
      origin: { ip: null, userAgent: 'job', requestId: job.id },
    })
  })
}
