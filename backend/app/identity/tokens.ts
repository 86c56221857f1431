import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { isUuid, newId } from '#shared/ids'

/**
 * Opaque bearer tokens: `cc1.<tenantId>.<tokenId>.<secret>`. The tenant part lets the server bind
 * the transaction to the tenant before it reads the token row (row-level security needs it); only
 * a SHA-256 of the secret is stored, so a database leak yields no usable token.
 */
export interface ParsedToken {
  tenantId: string
  tokenId: string
  secret: string
}

const PREFIX = 'cc1'

/** Makes a new token for a tenant; returns the text for the client and the hash to store. */
export function mintToken(tenantId: string) {
  const tokenId = newId()
  const secret = randomBytes(32).toString('base64url')
  return { tokenId, value: `${PREFIX}.${tenantId}.${tokenId}.${secret}`, hash: hashSecret(secret) }
}

/** Splits a presented token; null when it is not one of ours. */
export function parseToken(value: string | null | undefined): ParsedToken | null {
  if (!value) return null
  const parts = value.split('.')
  if (parts.length !== 4 || parts[0] !== PREFIX) return null
  const [, tenantId, tokenId, secret] = parts
  if (!isUuid(tenantId) || !isUuid(tokenId) || secret.length < 20) return null
  return { tenantId, tokenId, secret }
}

/** SHA-256 of a token secret, hex. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

/** Constant-time comparison of a presented secret with a stored hash. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex')
  const b = Buffer.from(storedHash, 'hex')
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Reads the token of an `Authorization: Bearer …` header. */
export function bearerFrom(header: string | undefined | null): string | null {
  if (!header) return null
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  return match ? match[1] : null
}
