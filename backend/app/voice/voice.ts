import app from '@adonisjs/core/services/app'
import { AppError } from '#shared/errors'
import { VoiceProvider, type VoiceCapability } from '#voice/voice_provider'

/** The configured voice provider, or null when voice is off on this server. */
export async function voiceProvider(): Promise<VoiceProvider | null> {
  return app.container.make(VoiceProvider).catch(() => null)
}

/** The voice provider, refusing with 503 when voice is off or lacks a capability the caller needs. */
export async function requireVoice(capability?: VoiceCapability): Promise<VoiceProvider> {
  const voice = await voiceProvider()
  if (!voice) throw new AppError(503, 'E_SERVER_BUSY', 'Voice is off on this server')
  if (capability && !voice.capabilities.has(capability)) {
    throw new AppError(409, 'E_CONFLICT', `The voice server cannot do this (${capability.replace('_', ' ')} is not available)`)
  }
  return voice
}

/** Identities of the parties in a call room. */
export const identities = {
  customer: (callId: string) => `c:${callId}`,
  agent: (userId: string) => `a:${userId}`,
  supervisor: (userId: string) => `s:${userId}`,
  bot: (callId: string) => `bot:${callId}`,
}

/** The room of a call. */
export function roomOf(callId: string) {
  return `call-${callId}`
}
