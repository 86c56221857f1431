import fs from 'node:fs/promises'
import path from 'node:path'
import logger from '@adonisjs/core/services/logger'
import { inTenantAsSystem, type TenantScope } from '#shared/scope'
import { onCommittedEvent, type DomainEventEnvelope } from '#events/outbox'
import { CallBot } from '#voice/bot/call_bot'
import { announcePosition, builtInPrompt, loadPrompt, type Prompt, type PromptLanguage } from '#voice/bot/prompts'
import { tenantFilePath } from '#voice/voice_files'
import { identities, voiceProvider } from '#voice/voice'
import { answerByBot, enterQueue, queuePosition, recordIvrDigit } from '#contact_center/actions/inbound'
import { endCall } from '#contact_center/actions/calls'
import { changeRecording } from '#contact_center/actions/call_control'
import { routeWaitingCalls } from '#contact_center/actions/routing'

/** How often a waiting caller hears their position. */
const ANNOUNCE_EVERY_MS = 45_000
/** The longest voicemail message. */
const VOICEMAIL_MS = 60_000
/** Sub-menus deeper than this are a configuration loop. */
const MAX_MENU_DEPTH = 5

/** One IVR option as ivr_menus.options stores it. */
interface MenuOption {
  digit: string
  label?: string
  target: { type: 'queue'; queueId: string } | { type: 'menu'; ivrMenuId: string }
}

/** Runs work for a tenant as the media bot, in its own transaction. */
function asSystem<T>(tenantId: string, work: (scope: TenantScope) => Promise<T>) {
  return inTenantAsSystem(tenantId, 'media-bot', work)
}

/**
 * The media side of one call: the bot answers, greets, runs the IVR, puts the caller in a queue
 * with music and position announcements, plays hold music, records, and ends the room when the
 * call ends. Call state lives in PostgreSQL; this reacts to the call's committed events.
 */
class CallSession {
  #bot: CallBot | null = null
  #digits: string[] = []
  #digitWaiter: ((digit: string | null) => void) | null = null
  #announcer: NodeJS.Timeout | null = null
  #recordingId: string | null = null
  #ended = false
  #customer: string | null = null
  #language: PromptLanguage = 'en'
  #room = ''
  /** Taking a voicemail: the caller hanging up is how a message ends. */
  #voicemail = false
  /** The call left the room to wait for a callback: media ends, the call does not. */
  #released = false

  constructor(
    readonly tenantId: string,
    readonly callId: string,
    private readonly onFinished: () => void
  ) {}

  async run() {
    const voice = await voiceProvider()
    if (!voice) throw new Error('Voice is off')
    const call = await asSystem(this.tenantId, (scope) =>
      scope.trx.from('calls').where('tenant_id', this.tenantId).where('id', this.callId).first()
    )
    if (!call || call.status === 'ended') return this.finish()
    this.#room = call.room
    this.#language = call.language
    this.#customer = await asSystem(this.tenantId, async (scope) => {
      const leg = await scope.trx.from('call_legs').where('tenant_id', this.tenantId).where('call_id', this.callId).where('role', 'customer').first()
      return leg?.identity ?? null
    })
    const grant = await voice.joinGrant(call.room, identities.bot(this.callId), 'bot', 'Assistant')
    this.#bot = await CallBot.join(grant, {
      onDtmf: (digit) => this.#onDigit(digit),
      onParticipantJoined: (identity) => void this.#keepConsultPrivate(identity),
      onParticipantLeft: (identity) => {
        if (identity === this.#customer) void this.#hangUp('customer_hangup')
      },
      onDisconnected: () => void this.#hangUp('media_lost'),
    })
    if (this.#ended) return this.finish()
    const answered = await asSystem(this.tenantId, (scope) => answerByBot(scope, this.callId, grant.identity))
    if (!answered) return this.finish()
    await this.#runEntry(call.entry_point_id)
  }

  /** The entry point's greeting and target: a queue straight away, or an IVR menu. */
  async #runEntry(entryPointId: string | null) {
    const entry = entryPointId
      ? await asSystem(this.tenantId, (scope) => scope.trx.from('entry_points').where('tenant_id', this.tenantId).where('id', entryPointId).first())
      : null
    if (!entry) return this.#hangUp('no_entry_point')
    if (entry.target_type === 'queue') {
      await this.#play([await builtInPrompt('greeting', this.#language)])
      return this.#queue(entry.target_queue_id)
    }
    await this.#runMenu(entry.target_ivr_menu_id, 0, true)
  }

  /** Plays a menu, collects a digit (with retries), and follows the chosen option. */
  async #runMenu(menuId: string, depth: number, greet: boolean): Promise<void> {
    const menu = await asSystem(this.tenantId, (scope) => scope.trx.from('ivr_menus').where('tenant_id', this.tenantId).where('id', menuId).first())
    if (!menu || depth >= MAX_MENU_DEPTH) return this.#hangUp('ivr_misconfigured')
    if (greet) await this.#play([await this.#prompt(menu.greeting_prompt_id, 'greeting')])
    const options = (menu.options ?? []) as MenuOption[]
    // Digits pressed during the greeting count: callers who know the menu type ahead.
    for (let attempt = 0; attempt <= menu.max_retries && !this.#ended; attempt++) {
      if (this.#digits.length === 0) await this.#play([await this.#prompt(menu.menu_prompt_id, 'menu')], true)
      const digit = await this.#nextDigit(menu.timeout_seconds * 1000)
      if (this.#ended) return
      if (digit === null) continue
      await asSystem(this.tenantId, (scope) => recordIvrDigit(scope, this.callId, digit))
      const option = options.find((o) => o.digit === digit)
      if (!option) {
        await this.#play([await builtInPrompt('invalid', this.#language)])
        continue
      }
      if (option.target.type === 'queue') return this.#queue(option.target.queueId)
      return this.#runMenu(option.target.ivrMenuId, depth + 1, false)
    }
    if (this.#ended) return
    if (menu.default_queue_id) return this.#queue(menu.default_queue_id)
    await this.#play([await builtInPrompt('goodbye', this.#language)])
    await this.#hangUp('ivr_no_choice')
  }

  /** Puts the caller in a queue, tries to route at once, then plays the queue prompt and music. */
  async #queue(queueId: string) {
    if (this.#ended) return
    await asSystem(this.tenantId, async (scope) => {
      await enterQueue(scope, this.callId, queueId)
      await routeWaitingCalls(scope)
    })
    await this.#waitWithMusic(true)
  }

  async #waitWithMusic(announceQueue: boolean) {
    const bot = this.#bot
    if (!bot || this.#ended || (await this.#status()) !== 'queued') return
    if (announceQueue) await this.#play([await builtInPrompt('queue', this.#language)])
    if ((await this.#status()) !== 'queued') return
    bot.loop(await builtInPrompt('queue_music', 'en'))
    this.#stopAnnouncer()
    const settings = await asSystem(this.tenantId, (scope) => scope.trx.from('voice_settings').where('tenant_id', this.tenantId).first())
    if (settings && !settings.announce_position) return
    this.#announcer = setInterval(() => void this.#announce(), ANNOUNCE_EVERY_MS)
  }

  async #announce() {
    const bot = this.#bot
    if (!bot || this.#ended) return
    const place = await asSystem(this.tenantId, (scope) => queuePosition(scope, this.callId))
    if (!place) return this.#stopAnnouncer()
    await this.#play(await announcePosition(place.position, place.waitMinutes, this.#language))
    if ((await this.#status()) === 'queued') bot.loop(await builtInPrompt('queue_music', 'en'))
  }

  /**
   * A consulted agent joining while the customer is on hold must not hear the customer either
   * (their own microphone is kept from the customer by their browser's track permissions).
   */
  async #keepConsultPrivate(identity: string) {
    const call = await asSystem(this.tenantId, (scope) => scope.trx.from('calls').where('tenant_id', this.tenantId).where('id', this.callId).first())
    if (!call || call.consult_state !== 'talking' || identity !== identities.agent(call.consult_agent_id) || !this.#customer) return
    const voice = await voiceProvider()
    // The new participant's subscriptions exist a moment after it joined.
    await new Promise((resolve) => setTimeout(resolve, 300))
    await voice?.setListening(this.#room, identity, [this.#customer], false).catch((error) => logger.warn({ err: error, callId: this.callId }, 'could not keep the consultation private'))
  }

  /** Reacts to a committed event of this call. */
  async onEvent(event: DomainEventEnvelope) {
    const bot = this.#bot
    if (!bot) return
    switch (event.type) {
      case 'call.answered':
      case 'call.intercepted':
      case 'call.retrieved':
      case 'call.consult_completed':
      case 'call.conferenced':
      case 'call.consult_cancelled':
        this.#stopAnnouncer()
        bot.stop()
        break
      case 'call.held':
      case 'call.consult_started':
        bot.loop(await builtInPrompt('hold_music', 'en'))
        break
      case 'call.transferred':
        await this.#waitWithMusic(false)
        break
      case 'call.dtmf_sent':
        await bot.sendDtmf(String(event.payload.digits ?? ''))
        break
      case 'call.recording_changed':
        await this.#onRecording(String(event.payload.action), (event.payload.recordingId as string | null) ?? null)
        break
      case 'call.voicemail_started':
        await this.#takeVoicemail()
        break
      case 'call.callback_requested':
        this.#released = true
        this.#stopAnnouncer()
        await this.#play([await builtInPrompt('goodbye', this.#language)])
        await this.finish()
        break
      case 'call.ended':
      case 'call.abandoned':
        this.#ended = true
        await this.finish()
        break
    }
  }

  /** "Please leave a message after the tone", then record until the caller hangs up or the time is up. */
  async #takeVoicemail() {
    this.#voicemail = true
    this.#stopAnnouncer()
    await this.#play([await builtInPrompt('voicemail', this.#language), await builtInPrompt('beep', 'en')])
    if (this.#ended) return
    await asSystem(this.tenantId, (scope) => changeRecording(scope, this.callId, 'start', 'voicemail'))
    setTimeout(() => void this.#endVoicemail(), VOICEMAIL_MS)
  }

  async #endVoicemail() {
    if (this.#ended) return
    await this.#play([await builtInPrompt('goodbye', this.#language)])
    await this.#hangUp('voicemail')
  }

  async #onRecording(action: string, recordingId: string | null) {
    const bot = this.#bot!
    if (action === 'start' && recordingId) {
      const row = await asSystem(this.tenantId, (scope) => scope.trx.from('recordings').where('tenant_id', this.tenantId).where('id', recordingId).first())
      const file = tenantFilePath(this.tenantId, row.file_name)
      await fs.mkdir(path.dirname(file), { recursive: true })
      bot.startRecording(file)
      this.#recordingId = recordingId
    } else if (action === 'pause') bot.pauseRecording()
    else if (action === 'resume') bot.resumeRecording()
    else if (action === 'stop') await this.#finishRecording()
  }

  /** Closes the running recording's file and completes its row. */
  async #finishRecording() {
    const bot = this.#bot
    const recordingId = this.#recordingId
    if (!bot || !recordingId || bot.recording === 'off') return
    this.#recordingId = null
    try {
      const result = await bot.stopRecording()
      await asSystem(this.tenantId, (scope) =>
        scope.trx.from('recordings').where('tenant_id', this.tenantId).where('id', recordingId).update({
          status: 'completed',
          ended_at: new Date(),
          duration_ms: result.durationMs,
          bytes: result.bytes,
          sha256: result.sha256,
        })
      )
    } catch (error) {
      logger.error({ err: error, callId: this.callId }, 'recording could not be finished')
      await asSystem(this.tenantId, (scope) => scope.trx.from('recordings').where('tenant_id', this.tenantId).where('id', recordingId).update({ status: 'failed', ended_at: new Date() }))
    }
  }

  /** Ends the call in the database (the committed call.ended event then finishes the media). */
  async #hangUp(reason: string) {
    if (this.#ended || this.#released) return
    if (this.#voicemail) reason = 'voicemail'
    this.#ended = true
    this.#digitWaiter?.(null)
    try {
      await asSystem(this.tenantId, async (scope) => {
        const call = await scope.trx.from('calls').where('tenant_id', this.tenantId).where('id', this.callId).first()
        if (call && call.status !== 'ended') {
          await endCall(scope, this.callId, reason)
          await routeWaitingCalls(scope)
        }
      })
    } finally {
      await this.finish()
    }
  }

  /** Stops everything: recording closed, bot gone, room deleted. Idempotent. */
  async finish() {
    this.#ended = true
    this.#stopAnnouncer()
    this.#digitWaiter?.(null)
    await this.#finishRecording()
    await this.#bot?.leave().catch(() => undefined)
    this.#bot = null
    const voice = await voiceProvider()
    if (voice && this.#room) await voice.endCallRoom(this.#room).catch(() => undefined)
    this.onFinished()
  }

  async #status() {
    const call = await asSystem(this.tenantId, (scope) => scope.trx.from('calls').where('tenant_id', this.tenantId).where('id', this.callId).select('status').first())
    return call?.status as string | undefined
  }

  async #play(prompts: Prompt[], interruptOnDtmf = false) {
    if (!this.#bot || this.#ended || prompts.length === 0) return
    await this.#bot.play(prompts, { interruptOnDtmf })
  }

  /** A tenant's uploaded prompt, or the built-in one of that role in the caller's language. */
  async #prompt(promptId: string | null, fallback: 'greeting' | 'menu'): Promise<Prompt> {
    if (promptId) {
      const row = await asSystem(this.tenantId, (scope) => scope.trx.from('prompts').where('tenant_id', this.tenantId).where('id', promptId).first())
      if (row) return loadPrompt(tenantFilePath(this.tenantId, row.file_name)).catch(() => builtInPrompt(fallback, this.#language))
    }
    return builtInPrompt(fallback, this.#language)
  }

  #onDigit(digit: string) {
    if (this.#digitWaiter) {
      const waiter = this.#digitWaiter
      this.#digitWaiter = null
      waiter(digit)
    } else this.#digits.push(digit)
  }

  /** The next digit pressed (also during the prompt), or null after the timeout. */
  #nextDigit(timeoutMs: number): Promise<string | null> {
    const buffered = this.#digits.shift()
    if (buffered !== undefined) return Promise.resolve(buffered)
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#digitWaiter = null
        resolve(null)
      }, timeoutMs)
      this.#digitWaiter = (digit) => {
        clearTimeout(timer)
        resolve(digit)
      }
    })
  }

  #stopAnnouncer() {
    if (this.#announcer) clearInterval(this.#announcer)
    this.#announcer = null
  }
}

/**
 * The process's media sessions. The process that accepted a call hosts its bot; the call's
 * committed events steer it.
 */
export class CallConductor {
  readonly #sessions = new Map<string, CallSession>()
  #unsubscribe: (() => void) | null = null

  /** Starts the media side of a new call (returns at once; failures end the call). */
  conduct(tenantId: string, callId: string) {
    this.#unsubscribe ??= onCommittedEvent((event) => this.#dispatch(event))
    if (this.#sessions.has(callId)) return
    const session = new CallSession(tenantId, callId, () => this.#sessions.delete(callId))
    this.#sessions.set(callId, session)
    session.run().catch(async (error) => {
      logger.error({ err: error, callId }, 'media bot failed; ending the call')
      await asSystem(tenantId, async (scope) => {
        const call = await scope.trx.from('calls').where('tenant_id', tenantId).where('id', callId).first()
        if (call && call.status !== 'ended') await endCall(scope, callId, 'media_failed')
      }).catch(() => undefined)
      await session.finish().catch(() => undefined)
    })
  }

  /** Calls whose media this process hosts. */
  get activeCalls(): string[] {
    return [...this.#sessions.keys()]
  }

  #dispatch(event: DomainEventEnvelope) {
    if (event.entity.type !== 'call') return
    const session = this.#sessions.get(event.entity.id)
    if (!session || session.tenantId !== event.tenantId) return
    session.onEvent(event).catch((error) => logger.error({ err: error, callId: event.entity.id, event: event.type }, 'media bot could not follow the call'))
  }

  /** Ends every session (server shutdown). */
  async close() {
    this.#unsubscribe?.()
    this.#unsubscribe = null
    await Promise.all([...this.#sessions.values()].map((s) => s.finish().catch(() => undefined)))
  }
}

/** The process's conductor. */
export const callConductor = new CallConductor()
