import type { X509Certificate } from 'node:crypto'
import { AppError } from '#shared/errors'
import { inTenant, type Origin, type TenantScope } from '#shared/scope'
import { auditLoginFailure, completeLogin, tenantBySlug } from '#identity/actions/login'

/** The identities a client certificate can name, in the order they are tried. */
export function certificateIdentities(cert: X509Certificate): string[] {
  const found: string[] = []
  for (const part of (cert.subjectAltName ?? '').split(/,\s*/)) {
    const match = /^email:(.+)$/i.exec(part.trim())
    if (match) found.push(match[1])
  }
  for (const line of cert.subject.split('\n')) {
    const [key, ...rest] = line.split('=')
    if (key === 'emailAddress' || key === 'CN') found.push(rest.join('='))
  }
  return [...new Set(found.map((v) => v.trim().toLowerCase()).filter((v) => v.includes('@')))]
}

/**
 * Certificate login: the presented client certificate must be signed by one of the tenant's
 * trusted CAs, be within its validity period, and name (SAN e-mail, subject emailAddress or CN)
 * an active user of that tenant. The TLS handshake only proved possession of the key.
 */
export async function certificateLogin(input: { tenant: string; certificate: X509Certificate | null }, origin: Origin) {
  const reject = (message: string) => new AppError(401, 'E_CERTIFICATE_REJECTED', message)
  const tenant = await tenantBySlug(input.tenant)
  if (!tenant) throw reject('No trusted certificate for this organisation')
  const cert = input.certificate
  const email = cert ? (certificateIdentities(cert)[0] ?? null) : null
  const fail = async (error: AppError) => {
    await auditLoginFailure(tenant.id, origin, 'auth.certificate_login', error, email)
    return error
  }
  if (!cert) throw await fail(reject('No client certificate was presented'))
  if (tenant.status !== 'active') throw await fail(new AppError(403, 'E_TENANT_SUSPENDED', 'This organisation is suspended'))
  const now = new Date()
  if (new Date(cert.validFrom) > now || new Date(cert.validTo) < now) throw await fail(reject('The certificate is not valid now'))

  const result = await inTenant(tenant.id, async (trx) => {
    const cas = await trx.from('certificate_authorities').where('tenant_id', tenant.id).select('pem')
    const { X509Certificate: Cert } = await import('node:crypto')
    const trusted = cas.some((row) => {
      const ca = new Cert(row.pem)
      return cert.checkIssued(ca) && cert.verify(ca.publicKey)
    })
    if (!trusted) return { error: reject('The certificate is not signed by a certificate authority this organisation trusts') }
    const identities = certificateIdentities(cert)
    const user = identities.length
      ? await trx.from('users').where('tenant_id', tenant.id).where('status', 'active').whereRaw('lower(email) = any(?)', [identities]).first()
      : null
    if (!user) return { error: reject('The certificate does not name an active user of this organisation') }
    const scope: TenantScope = { tenantId: tenant.id, trx, actor: { type: 'user', id: user.id, email: user.email }, origin }
    return { session: await completeLogin(scope, user.id, 'auth.certificate_login', 'certificate') }
  })
  if ('error' in result && result.error) throw await fail(result.error)
  return result.session!
}
