import { X509Certificate } from 'node:crypto'
import type { TLSSocket } from 'node:tls'
import env from '#start/env'
import type { HttpContext } from '@adonisjs/core/http'

/**
 * The client certificate of a request: from the TLS socket when this server terminates mutual
 * TLS, or, behind a TLS-terminating proxy that is trusted (TRUST_PROXY_CLIENT_CERT and
 * TRUSTED_PROXIES), from its `X-Client-Cert` header (URL-encoded PEM, as nginx's
 * $ssl_client_escaped_cert). The proxy must strip that header from client requests.
 */
export function presentedCertificate(ctx: HttpContext): X509Certificate | null {
  const socket = ctx.request.request.socket as TLSSocket
  if (typeof socket.getPeerCertificate === 'function') {
    const peer = socket.getPeerCertificate(false)
    if (peer && peer.raw) return new X509Certificate(peer.raw)
  }
  if (env.get('TRUST_PROXY_CLIENT_CERT') && fromTrustedProxy(ctx)) {
    const header = ctx.request.header('x-client-cert')
    if (header) {
      try {
        return new X509Certificate(decodeURIComponent(header))
      } catch {
        return null
      }
    }
  }
  return null
}

/** The header counts only when the TCP peer itself is one of the trusted proxies. */
function fromTrustedProxy(ctx: HttpContext): boolean {
  const address = ctx.request.request.socket.remoteAddress ?? ''
  const trusted = (env.get('TRUSTED_PROXIES') ?? '').split(',').map((s) => s.trim()).filter(Boolean)
  return trusted.includes(address) || trusted.includes(address.replace(/^::ffff:/, ''))
}
