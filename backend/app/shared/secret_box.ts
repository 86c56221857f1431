import encryption from '@adonisjs/core/services/encryption'

/** Encrypts a small secret for storage with the app key (AES-256-GCM, framework encryption). */
export function sealSecret(plain: string): string {
  return encryption.encrypt(plain)
}

/** Decrypts what sealSecret produced; throws when it was tampered with or the key changed. */
export function openSecret(sealed: string): string {
  const plain = encryption.decrypt<string>(sealed)
  if (typeof plain !== 'string') throw new Error('A sealed secret could not be opened')
  return plain
}
