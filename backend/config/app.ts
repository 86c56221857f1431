import env from '#start/env'
import { defineConfig } from '@adonisjs/core/http'
import proxyAddr from 'proxy-addr'

/** Key for encrypting secrets at rest (TOTP secrets) and signing. */
export const appKey = env.get('APP_KEY')

/** Public URL of the platform, used in links sent by mail. */
export const appUrl = env.get('APP_URL') ?? `http://localhost:${env.get('PORT')}`

const trustedProxies = env.get('TRUSTED_PROXIES')

/** HTTP server settings. */
export const http = defineConfig({
  generateRequestId: true,
  allowMethodSpoofing: false,
  useAsyncLocalStorage: false,
  trustProxy: trustedProxies ? proxyAddr.compile(trustedProxies.split(',')) : () => false,
  cookie: {
    domain: '',
    path: '/',
    maxAge: '2h',
    httpOnly: true,
    secure: true,
    sameSite: 'lax',
  },
})
