import fs from 'node:fs'
import path from 'node:path'
import env from '#start/env'
import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { inPlatform } from '#shared/scope'

const distDir = path.resolve(env.get('FRONTEND_DIST') ?? app.makePath('../frontend/dist/frontend/browser'))
const HASHED = /-[A-Z0-9]{8,}\.(js|css|woff2?|svg|png)$/i

/**
 * Serves the built Angular app on the same origin as the API: files from the dist folder, and
 * index.html for client-side routes. /api and /ws are left to the router.
 */
export default class SpaMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const method = ctx.request.method()
    const url = ctx.request.url()
    if ((method !== 'GET' && method !== 'HEAD') || url.startsWith('/api/') || url === '/api' || url.startsWith('/ws')) {
      return next()
    }
    const relative = decodeURIComponent(url).replace(/^\/+/, '')
    const file = path.resolve(distDir, relative)
    if (relative && file.startsWith(distDir + path.sep) && isFile(file)) {
      ctx.response.header('cache-control', HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache')
      // The sample third-party app stands for a page on another site: any workspace may frame it.
      if (relative.startsWith('sdk-sample/')) {
        ctx.response.removeHeader('x-frame-options')
        ctx.response.header('content-security-policy', 'frame-ancestors *')
      }
      return ctx.response.download(file)
    }
    const index = path.join(distDir, 'index.html')
    if (path.extname(relative) === '' && isFile(index)) {
      ctx.response.header('cache-control', 'no-cache')
      await allowWidgetEmbedding(ctx, url)
      return ctx.response.download(index)
    }
    return next()
  }
}

const WIDGET_PAGE = /^\/call\/([A-Za-z0-9_-]{16,64})\/?(?:\?.*)?$/

/**
 * The "call us" widget page may be framed by the websites its entry point lists (exact origins,
 * `frame-ancestors`); every other page stays same-origin only.
 */
async function allowWidgetEmbedding(ctx: HttpContext, url: string) {
  const key = WIDGET_PAGE.exec(url)?.[1]
  if (!key) return
  const entry = await inPlatform((trx) => trx.from('entry_points').where('widget_key', key).where('kind', 'web').select('allowed_origins').first())
  const origins = (entry?.allowed_origins ?? []) as string[]
  ctx.response.removeHeader('x-frame-options')
  ctx.response.header('content-security-policy', `frame-ancestors 'self'${origins.map((o) => ` ${o}`).join('')}`)
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}
