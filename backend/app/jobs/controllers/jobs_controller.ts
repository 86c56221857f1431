import path from 'node:path'
import type { HttpContext } from '@adonisjs/core/http'
import { findJob, jobFile, listJobs } from '#jobs/jobs'

/** Media types of the files jobs write. */
const MEDIA_TYPES: Record<string, string> = {
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/** The signed-in user's background jobs: progress and result files. */
export default class JobsController {
  async index({ scope }: HttpContext) {
    return { data: await listJobs(scope) }
  }

  async show({ scope, params }: HttpContext) {
    return { data: await findJob(scope, params.id) }
  }

  async download(ctx: HttpContext) {
    const file = await jobFile(ctx.scope, ctx.params.id)
    ctx.audit = { targetType: 'job', targetId: ctx.params.id, after: { file: file.name } }
    ctx.response.header('content-type', MEDIA_TYPES[path.extname(file.name)] ?? 'application/octet-stream')
    ctx.response.attachment(file.absolute, file.name)
  }
}
