import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import env from '#start/env'
import { AudioFrame, AudioSource, AudioStream, LocalAudioTrack, Room, RoomEvent, TrackKind, TrackPublishOptions, TrackSource } from '@livekit/rtc-node'
import type { RemoteTrack } from '@livekit/rtc-node'
import { VoiceProvider } from '#voice/voice_provider'
import { CallBot } from '#voice/bot/call_bot'
import { builtInPrompt, BOT_SAMPLE_RATE } from '#voice/bot/prompts'
import { shutdownMediaBots } from '#voice/bot/runtime'
import { parseWav } from '#voice/bot/wav'
import { rms } from '#voice/bot/pcm'

const configured = Boolean(env.get('LIVEKIT_URL'))
if (!configured && process.env.CI === 'true') throw new Error('CI=true and LIVEKIT_URL is not set: the LiveKit server did not start')

/** Rejects when `promise` takes longer than `ms`; every wait in this file is bounded by it. */
async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms)))
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** Polls a condition every 50 ms, for at most `ms` (the poller stops either way). */
function until(ms: number, what: string, condition: () => boolean): Promise<void> {
  const deadline = performance.now() + ms
  return new Promise<void>((resolve, reject) => {
    const poll = () => {
      if (condition()) resolve()
      else if (performance.now() > deadline) reject(new Error(`timed out after ${ms} ms: ${what}`))
      else setTimeout(poll, 50)
    }
    poll()
  })
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A customer client on rtc-node: joins with a customer grant, can publish a 440 Hz tone. */
class TestCustomer {
  readonly room = new Room()
  readonly frames: Array<{ at: number; level: number }> = []
  #tone: { source: AudioSource; track: LocalAudioTrack; running: boolean; pump: Promise<void> } | null = null

  async join(grant: { url: string; token: string }) {
    this.room.on(RoomEvent.TrackSubscribed, (track: RemoteTrack) => {
      if (track.kind === TrackKind.KIND_AUDIO) void this.#listen(track)
    })
    await within(15000, 'customer joins', this.room.connect(grant.url, grant.token, { autoSubscribe: true, dynacast: false }))
  }

  /** Peak frame level heard since `since` (performance.now() time). */
  loudestSince(since: number) {
    return this.frames.filter((f) => f.at >= since).reduce((max, f) => Math.max(max, f.level), 0)
  }

  async #listen(track: RemoteTrack) {
    for await (const frame of new AudioStream(track, { sampleRate: BOT_SAMPLE_RATE, numChannels: 1 })) {
      this.frames.push({ at: performance.now(), level: rms(frame.data) })
    }
  }

  async publishTone() {
    const source = new AudioSource(BOT_SAMPLE_RATE, 1, 200)
    const track = LocalAudioTrack.createAudioTrack('mic', source)
    await within(10000, 'customer publishes', this.room.localParticipant!.publishTrack(track, new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE })))
    const tone = { source, track, running: true, pump: Promise.resolve() }
    tone.pump = (async () => {
      let n = 0
      while (tone.running) {
        const frame = AudioFrame.create(BOT_SAMPLE_RATE, 1, 320)
        for (let i = 0; i < 320; i++, n++) frame.data[i] = Math.round(8000 * Math.sin((2 * Math.PI * 440 * n) / BOT_SAMPLE_RATE))
        await source.captureFrame(frame).catch(() => (tone.running = false))
      }
    })()
    this.#tone = tone
  }

  async leave() {
    if (this.#tone) {
      this.#tone.running = false
      await within(2000, 'tone pump stops', this.#tone.pump)
      await this.#tone.track.close(true)
    }
    await this.room.disconnect()
  }
}

test.group('Media bot in a real LiveKit room', (group) => {
  let room: string
  let bot: CallBot
  let customer: TestCustomer
  let customerId: string
  let workDir: string
  const digits: Array<{ digit: string; from: string | null }> = []
  const joined: string[] = []
  const left: string[] = []

  group.setup(async () => {
    if (!configured) return
    const voice = await app.container.make(VoiceProvider)
    room = `call-bot-${Date.now()}`
    customerId = `c:${room}`
    workDir = await mkdtemp(path.join(os.tmpdir(), 'call-bot-'))
    await voice.createCallRoom(room, { callId: room })
    bot = await CallBot.join(await voice.joinGrant(room, `bot:${room}`, 'bot', 'Bot'), {
      onDtmf: (digit, from) => digits.push({ digit, from }),
      onParticipantJoined: (identity) => joined.push(identity),
      onParticipantLeft: (identity) => left.push(identity),
    })
    customer = new TestCustomer()
    await customer.join(await voice.joinGrant(room, customerId, 'customer', 'Caller'))
    // Both sides must know each other before data packets carry a sender.
    await until(15000, 'bot and customer see each other', () => bot.participants.includes(customerId) && customer.room.remoteParticipants.has(bot.identity))
  })

  group.teardown(async () => {
    if (!configured) return
    await customer?.leave().catch(() => {})
    await bot?.leave()
    await (await app.container.make(VoiceProvider)).endCallRoom(room).catch(() => {})
    // rtc-node's native runtime would keep the test process alive.
    await shutdownMediaBots()
    await rm(workDir, { recursive: true, force: true })
  })

  test('the bot sees the customer join and receives the digit the customer presses', async ({ assert }) => {
    assert.include(joined, customerId)
    await customer.room.localParticipant!.publishDtmf(1, '1')
    await until(5000, 'bot receives DTMF', () => digits.length > 0)
    assert.deepEqual(digits, [{ digit: '1', from: customerId }])
  }).skip(!configured, 'LIVEKIT_URL is not set')

  test('the bot publishes silence at once, and the customer hears the greeting when it plays', async ({ assert }) => {
    await until(10000, 'customer receives the bot track', () => customer.frames.length > 25)
    const quietSince = performance.now()
    await sleep(400)
    assert.isBelow(customer.loudestSince(quietSince), 50, 'the idle bot sends silence')
    const greeting = await builtInPrompt('greeting', 'en')
    assert.isAbove(greeting.durationMs, 1000)
    const startedAt = performance.now()
    const outcome = await within(greeting.durationMs + 5000, 'greeting plays to the end', bot.play([greeting]))
    assert.equal(outcome, 'done')
    assert.isAtLeast(performance.now() - startedAt, greeting.durationMs - 300, 'play() resolves only after the clip has been sent')
    assert.isAbove(customer.loudestSince(startedAt), 1000, 'the customer received clearly audible audio')
  }).skip(!configured, 'LIVEKIT_URL is not set')

  test('a digit interrupts an interruptible prompt; loop and stop end with "stopped"', async ({ assert }) => {
    const menu = await builtInPrompt('menu', 'en')
    const playing = bot.play([menu], { interruptOnDtmf: true })
    await sleep(500)
    await customer.room.localParticipant!.publishDtmf(2, '2')
    assert.equal(await within(3000, 'prompt interrupted', playing), 'interrupted')
    await until(3000, 'second digit reported', () => digits.some((d) => d.digit === '2'))

    const replaced = bot.play([menu])
    bot.loop(await builtInPrompt('queue_music', 'en'))
    assert.equal(await within(1000, 'replaced prompt settles', replaced), 'stopped')
    assert.isTrue(bot.playing)
    bot.stop()
    assert.isFalse(bot.playing)
  }).skip(!configured, 'LIVEKIT_URL is not set')

  test('the recording holds the customer audio, silence while paused, and is described exactly', async ({ assert }) => {
    await customer.publishTone()
    await until(10000, 'bot receives the customer audio', () => bot.audioFrom.includes(customerId))
    const file = path.join(workDir, 'rec', 'call.wav')
    const t0 = performance.now()
    bot.startRecording(file)
    assert.equal(bot.recording, 'on')
    await sleep(2000)
    const pausedAt = performance.now() - t0
    bot.pauseRecording()
    assert.equal(bot.recording, 'paused')
    await sleep(1500)
    const resumedAt = performance.now() - t0
    bot.resumeRecording()
    await sleep(1500)
    const result = await within(5000, 'recording stops', bot.stopRecording())
    const wallMs = performance.now() - t0
    assert.equal(bot.recording, 'off')

    const bytes = await readFile(file)
    assert.equal(result.bytes, bytes.length)
    assert.equal((await stat(file)).size, bytes.length)
    assert.equal(result.sha256, createHash('sha256').update(bytes).digest('hex'))
    const wav = parseWav(bytes)
    assert.deepEqual({ rate: wav.sampleRate, channels: wav.channels }, { rate: 16000, channels: 1 })
    assert.equal(wav.durationMs, result.durationMs)
    assert.approximately(result.durationMs, wallMs, 300)

    const at = (ms: number) => Math.round((ms * 16000) / 1000)
    const windows = (fromMs: number, toMs: number) => {
      const levels: number[] = []
      for (let ms = fromMs; ms + 100 <= toMs; ms += 100) levels.push(rms(wav.samples, at(ms), at(ms + 100)))
      return levels
    }
    // Before the pause (after the jitter buffer filled): the tone, in almost every 100 ms window.
    const before = windows(600, pausedAt - 100)
    assert.isAbove(before.filter((level) => level > 2000).length, before.length * 0.8, `tone before pause: ${before.map(Math.round)}`)
    // The paused span is exactly zero, although the customer kept sending the tone.
    const paused = wav.samples.subarray(at(pausedAt + 30), at(resumedAt - 30))
    assert.isAbove(paused.length, 16000)
    assert.isTrue(
      paused.every((sample) => sample === 0),
      'paused span is silent'
    )
    // After resuming, the tone is back.
    const after = windows(resumedAt + 300, result.durationMs - 100)
    assert.isAbove(after.filter((level) => level > 2000).length, after.length * 0.8, `tone after resume: ${after.map(Math.round)}`)
  })
    .skip(!configured, 'LIVEKIT_URL is not set')
    .timeout(40000)

  test('the bot reports the customer leaving and leaves cleanly', async ({ assert }) => {
    await customer.leave()
    await until(5000, 'bot sees the customer leave', () => left.includes(customerId))
    await within(5000, 'bot leaves', bot.leave())
    await bot.leave()
    assert.deepEqual(bot.participants, [])
    assert.equal(await bot.play([await builtInPrompt('goodbye', 'en')]), 'stopped')
  }).skip(!configured, 'LIVEKIT_URL is not set')
})
