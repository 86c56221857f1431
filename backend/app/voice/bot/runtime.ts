/**
 * The native LiveKit runtime behind every media bot. rtc-node keeps native handles that hold the
 * process open, so the application's shutdown (and the test runner) calls shutdownMediaBots().
 */
import { dispose } from '@livekit/rtc-node'

/** The part of a bot the runtime needs. */
interface Leaving {
  leave(): Promise<void>
}

const live = new Set<Leaving>()

/** rtc-node's own singleton slot; cleared after dispose so a later bot starts a fresh runtime. */
const ffiSlot = globalThis as { _ffiClientInstance?: unknown }

/** @internal Called by CallBot.join. */
export function trackBot(bot: Leaving): void {
  live.add(bot)
}

/** @internal Called by CallBot.leave. */
export function untrackBot(bot: Leaving): void {
  live.delete(bot)
}

/** How many bots are in rooms now. */
export function liveBotCount(): number {
  return live.size
}

/** Makes every bot leave, then releases the native runtime. Safe to call when none ever ran. */
export async function shutdownMediaBots(): Promise<void> {
  await Promise.allSettled([...live].map((bot) => bot.leave()))
  live.clear()
  if (!ffiSlot._ffiClientInstance) return
  await dispose()
  ffiSlot._ffiClientInstance = undefined
}
