/**
 * Prompts the media bot plays: WAV files decoded once into mono PCM at the bot's rate and kept
 * in memory, the built-in phrase set (backend/resources/prompts) and the queue-position
 * announcement built from it.
 */
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import { parseWav } from '#voice/bot/wav'
import { toMono } from '#voice/bot/pcm'

/** Sample rate of the bot's published track, of decoded prompts and of recordings. */
export const BOT_SAMPLE_RATE = 16000

/** Languages the built-in prompts exist in. */
export type PromptLanguage = 'en' | 'zh-CN'

/** A clip ready to play: mono PCM 16-bit at BOT_SAMPLE_RATE. */
export interface Prompt {
  name: string
  samples: Int16Array
  durationMs: number
}

/** Spoken built-in phrases, one file per language. */
export const BUILT_IN_PHRASES = [
  'greeting',
  'menu',
  'invalid',
  'queue',
  'position_intro',
  'position_outro',
  'wait_intro',
  'minute',
  'minutes',
  'less_than_minute',
  'hold',
  'goodbye',
  'voicemail',
  ...Array.from({ length: 20 }, (_, i) => `n${i + 1}` as const),
] as const

/** Language-neutral built-in audio (music loops and the voicemail beep). */
export const BUILT_IN_MUSIC = ['queue_music', 'hold_music', 'beep'] as const

export type BuiltInPhrase = (typeof BUILT_IN_PHRASES)[number]
export type BuiltInMusic = (typeof BUILT_IN_MUSIC)[number]
export type BuiltInPromptName = BuiltInPhrase | BuiltInMusic

/** Largest number the built-in number prompts can say. */
export const MAX_SPOKEN_NUMBER = 20

/** Folder of the built-in prompt files (backend/resources/prompts). */
export const BUILT_IN_PROMPTS_DIR = fileURLToPath(new URL('../../../resources/prompts/', import.meta.url))

const cache = new Map<string, Promise<Prompt>>()

/** Decodes a WAV file's bytes into a playable prompt (throws WavFormatError for bad files). */
export function promptFromWav(name: string, wav: Buffer): Prompt {
  const audio = parseWav(wav)
  const samples = toMono(audio.samples, audio.channels, audio.sampleRate, BOT_SAMPLE_RATE)
  return { name, samples, durationMs: Math.round((samples.length * 1000) / BOT_SAMPLE_RATE) }
}

/** Loads a WAV file once; later calls for the same path share the decoded clip. */
export function loadPrompt(file: string): Promise<Prompt> {
  const key = path.resolve(file)
  let loading = cache.get(key)
  if (!loading) {
    loading = readFile(key).then((wav) => promptFromWav(path.basename(key, path.extname(key)), wav))
    // A failed load is not cached, so a file written later can still be loaded.
    loading.catch(() => cache.delete(key))
    cache.set(key, loading)
  }
  return loading
}

/** Drops a file from the cache (after a tenant prompt is replaced or deleted). */
export function forgetPrompt(file: string): void {
  cache.delete(path.resolve(file))
}

/** Path of a built-in prompt; music ignores the language. */
export function builtInPromptFile(name: BuiltInPromptName, language: PromptLanguage): string {
  const isMusic = (BUILT_IN_MUSIC as readonly string[]).includes(name)
  return path.join(BUILT_IN_PROMPTS_DIR, isMusic ? 'music' : language, `${name}.wav`)
}

/** A built-in prompt in the caller's language. */
export function builtInPrompt(name: BuiltInPromptName, language: PromptLanguage): Promise<Prompt> {
  return loadPrompt(builtInPromptFile(name, language))
}

/**
 * "You are caller number three. Your estimated wait is about five minutes." Parts the built-in
 * numbers cannot say (position or minutes above twenty, unknown wait) are left out.
 */
export async function announcePosition(position: number, waitMinutes: number | null, language: PromptLanguage): Promise<Prompt[]> {
  const names: BuiltInPhrase[] = []
  if (Number.isInteger(position) && position >= 1 && position <= MAX_SPOKEN_NUMBER) {
    // position_outro closes the sentence where the language needs it ("位" in Chinese; a pause in English).
    names.push('position_intro', `n${position}` as BuiltInPhrase, 'position_outro')
  }
  if (waitMinutes !== null && Number.isFinite(waitMinutes) && waitMinutes >= 0) {
    const minutes = Math.round(waitMinutes)
    if (waitMinutes < 1) names.push('less_than_minute')
    else if (minutes <= MAX_SPOKEN_NUMBER) names.push('wait_intro', `n${minutes}` as BuiltInPhrase, minutes === 1 ? 'minute' : 'minutes')
  }
  return Promise.all(names.map((name) => builtInPrompt(name, language)))
}
