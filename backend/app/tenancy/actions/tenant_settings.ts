import { X509Certificate } from 'node:crypto'
import { newId } from '#shared/ids'
import { AppError, FieldError, notFound } from '#shared/errors'
import type { TenantScope } from '#shared/scope'
import { recordEvent } from '#events/outbox'
import { iso } from '#shared/time'
import { toTenantResource } from '#tenancy/transformers/tenant_transformer'
import { normaliseOrigins } from '#voice/actions/entry_points'

/** The scope's own tenant. */
export async function findTenant(scope: TenantScope) {
  const row = await scope.trx.from('tenants').where('id', scope.tenantId).first()
  if (!row) throw notFound('Tenant')
  return toTenantResource(row)
}

/** Settings a tenant admin may change. */
export interface TenantSettingsInput {
  name?: string
  timeZone?: string
  locale?: string
  defaultCountry?: string
  /** Exact origins of third-party pages that may frame the call bar (`/embed/<slug>/callbar`). */
  callBarEmbedOrigins?: string[]
}

/** Changes the tenant's settings; returns before and after for the log. */
export async function updateTenant(scope: TenantScope, input: TenantSettingsInput) {
  const before = await findTenant(scope)
  const changes: Record<string, unknown> = { updated_at: new Date() }
  if (input.name !== undefined) changes.name = input.name
  if (input.timeZone !== undefined) changes.time_zone = input.timeZone
  if (input.locale !== undefined) changes.locale = input.locale
  if (input.defaultCountry !== undefined) changes.default_country = input.defaultCountry
  if (input.callBarEmbedOrigins !== undefined) changes.callbar_embed_origins = normaliseOrigins(input.callBarEmbedOrigins, 'callBarEmbedOrigins')
  await scope.trx.from('tenants').where('id', scope.tenantId).update(changes)
  const after = await findTenant(scope)
  await recordEvent(scope, { type: 'tenant.updated', entityType: 'tenant', entityId: scope.tenantId, payload: { ...after } })
  if (!sameList(before.callBarEmbedOrigins, after.callBarEmbedOrigins)) {
    await recordEvent(scope, {
      type: 'tenant.call_bar_embedding_changed',
      entityType: 'tenant',
      entityId: scope.tenantId,
      payload: { origins: after.callBarEmbedOrigins, previous: before.callBarEmbedOrigins },
    })
  }
  return { before, after }
}

function sameList(a: readonly string[], b: readonly string[]) {
  return a.length === b.length && a.every((item, i) => item === b[i])
}

/** The API shape of a trusted certificate authority. */
export interface CertificateAuthorityResource {
  id: string
  name: string
  subject: string
  fingerprint: string
  notAfter: string
  createdAt: string
}

function toCaResource(row: Record<string, any>): CertificateAuthorityResource {
  return {
    id: row.id,
    name: row.name,
    subject: row.subject,
    fingerprint: row.fingerprint,
    notAfter: iso(row.not_after)!,
    createdAt: iso(row.created_at)!,
  }
}

/** The tenant's trusted CAs. */
export async function listCertificateAuthorities(scope: TenantScope) {
  const rows = await scope.trx.from('certificate_authorities').where('tenant_id', scope.tenantId).orderBy('created_at')
  return rows.map(toCaResource)
}

/** Adds a CA certificate (PEM) the tenant trusts for certificate login; it must be a CA. */
export async function addCertificateAuthority(scope: TenantScope, input: { name: string; pem: string }) {
  let cert: X509Certificate
  try {
    cert = new X509Certificate(input.pem)
  } catch {
    throw new FieldError('pem', 'certificate', 'This is not a readable PEM certificate')
  }
  if (!cert.ca) throw new FieldError('pem', 'ca', 'This certificate is not a certificate authority (basicConstraints CA:TRUE)')
  if (new Date(cert.validTo) < new Date()) throw new FieldError('pem', 'expired', 'This certificate has expired')
  const fingerprint = cert.fingerprint256
  const taken = await scope.trx.from('certificate_authorities').where('tenant_id', scope.tenantId).where('fingerprint', fingerprint).first()
  if (taken) throw new AppError(409, 'E_CONFLICT', 'This certificate authority is already trusted')
  const id = newId()
  await scope.trx.table('certificate_authorities').insert({
    tenant_id: scope.tenantId,
    id,
    name: input.name,
    pem: cert.toString(),
    subject: cert.subject.replace(/\n/g, ', '),
    fingerprint,
    not_after: new Date(cert.validTo),
  })
  await recordEvent(scope, { type: 'certificate_authority.added', entityType: 'certificate_authority', entityId: id, payload: { fingerprint } })
  const row = await scope.trx.from('certificate_authorities').where('tenant_id', scope.tenantId).where('id', id).first()
  return toCaResource(row)
}

/** Removes a trusted CA; certificates it signed no longer log in. */
export async function removeCertificateAuthority(scope: TenantScope, id: string) {
  const row = await scope.trx.from('certificate_authorities').where('tenant_id', scope.tenantId).where('id', id).first()
  if (!row) throw notFound('Certificate authority')
  await scope.trx.from('certificate_authorities').where('tenant_id', scope.tenantId).where('id', id).delete()
  await recordEvent(scope, { type: 'certificate_authority.removed', entityType: 'certificate_authority', entityId: id })
  return toCaResource(row)
}
