import fs from 'node:fs'
import https from 'node:https'
import type { IncomingMessage, ServerResponse } from 'node:http'

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown

/**
 * Builds the HTTPS server factory when TLS files are configured. Client certificates are
 * requested but not rejected at the handshake: each tenant trusts its own CAs, so the
 * certificate is verified by the certificate-login action against the tenant's CA list.
 */
export function createTlsServerFactory() {
  const certFile = process.env.TLS_CERT_FILE
  const keyFile = process.env.TLS_KEY_FILE
  if (!certFile || !keyFile) return undefined
  return (handler: Handler) =>
    https.createServer(
      {
        cert: fs.readFileSync(certFile),
        key: fs.readFileSync(keyFile),
        requestCert: true,
        rejectUnauthorized: false,
      },
      handler
    )
}
