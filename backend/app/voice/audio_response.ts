import fs from 'node:fs'
import type { HttpContext } from '@adonisjs/core/http'
import { notFound } from '#shared/errors'

/** Streams a WAV file from the tenant's file area as `audio/wav`; a missing file is a 404. */
export async function sendWav(ctx: HttpContext, absolute: string, downloadName: string, what: string) {
  const stats = await fs.promises.stat(absolute).catch(() => null)
  if (!stats?.isFile()) throw notFound(what)
  ctx.response.header('content-type', 'audio/wav')
  ctx.response.header('content-length', String(stats.size))
  ctx.response.header('content-disposition', `inline; filename="${downloadName.replace(/[^\w.-]+/g, '_')}"`)
  ctx.response.header('cache-control', 'private, no-store')
  ctx.response.stream(fs.createReadStream(absolute))
}
