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
    if (path.extname(relative) !== '') return next()
    // The framing policy belongs to the page's address, whether or not the app is built here.
    await allowEmbedding(ctx, url)
    const index = path.join(distDir, 'index.html')
    if (isFile(index)) {
      ctx.response.header('cache-control', 'no-cache')
      return ctx.response.download(index)
    }
    return next()
  }
}

const WIDGET_PAGE = /^\/call\/([A-Za-z0-9_-]{16,64})\/?(?:\?.*)?$/
const CALL_BAR_PAGE = /^\/embed\/([A-Za-z0-9-]{1,64})\/callbar\/?(?:\?.*)?$/

/**
 * Pages other sites may frame, each only by the exact origins its tenant listed (`frame-ancestors`):
 * the "call us" widget (its entry point's allowed origins) and the agent's call bar (the tenant's
 * call bar embedding origins; an unknown slug gets `'self'` only). Every other page stays
 * same-origin only (`x-frame-options: SAMEORIGIN`).
 */
async function allowEmbedding(ctx: HttpContext, url: string) {
  const origins = await framingOrigins(url)
  if (origins === null) return
  ctx.response.removeHeader('x-frame-options')
  ctx.response.header('content-security-policy', `frame-ancestors 'self'${origins.map((o) => ` ${o}`).join('')}`)
}

/** The origins that may frame this page, or null when it is not a frameable page. */
async function framingOrigins(url: string): Promise<string[] | null> {
  const key = WIDGET_PAGE.exec(url)?.[1]
  if (key) {
    const entry = await inPlatform((trx) => trx.from('entry_points').where('widget_key', key).where('kind', 'web').select('allowed_origins').first())
    return (entry?.allowed_origins ?? []) as string[]
  }
  const slug = CALL_BAR_PAGE.exec(url)?.[1]
  if (slug) {
    const tenant = await inPlatform((trx) => trx.from('tenants').where('slug', slug.toLowerCase()).where('status', 'active').select('callbar_embed_origins').first())
    return (tenant?.callbar_embed_origins ?? []) as string[]
  }
  return null
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}
