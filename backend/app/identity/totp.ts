import { generateSecret, generateURI, verify } from 'otplib'

/** A fresh TOTP secret (base32) and the otpauth:// URL an authenticator app scans. */
export function newTotpSecret(issuer: string, account: string) {
  const secret = generateSecret()
  return { secret, otpauthUrl: generateURI({ issuer, label: account, secret }) }
}

/** True when the 6-digit code is valid now, allowing one 30-second step of clock drift. */
export async function totpMatches(secret: string, code: string): Promise<boolean> {
  if (!/^\d{6}$/.test(code)) return false
  const result = await verify({ secret, token: code, epochTolerance: 30 })
  return result.valid
}
