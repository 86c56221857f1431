import type { HttpContext } from '@adonisjs/core/http'
import { inPlatform, inTenant } from '#shared/scope'
import { notFound } from '#shared/errors'
import { newId } from '#shared/ids'
import { startInboundCall } from '#contact_center/actions/inbound'
import { webCallValidator } from '#contact_center/validators/calls'
import { callConductor } from '#voice/call_conductor'
import { identities, requireVoice, roomOf } from '#voice/voice'
import { defaultCountryOf, toE164 } from '#voice/phone_numbers'

/** An enabled web-call entry point by its public widget key, with its organisation's name. */
async function findWidget(key: string) {
  const entry = await inPlatform((trx) =>
    trx
      .from('entry_points as e')
      .join('tenants as t', 't.id', 'e.tenant_id')
      .where('e.widget_key', key)
      .where('e.kind', 'web')
      .where('e.enabled', true)
      .where('t.status', 'active')
      .select('e.tenant_id', 'e.id', 'e.name', 'e.language', 't.name as tenant_name')
      .first()
  )
  if (!entry) throw notFound('Web-call entry')
  return entry
}

/** The number a visitor typed, in E.164 with their organisation's default country (a 422 on `phone` otherwise). */
function visitorNumber(tenantId: string, phone: string) {
  return inTenant(tenantId, async (trx) => toE164(phone, await defaultCountryOf({ tenantId, trx }), 'phone'))
}

/**
 * The public "call us" entry: a visitor's browser asks for a call and gets credentials for its own
 * call room; the media bot answers there (greeting, IVR, queue music) until an agent joins.
 */
export default class WebCallsController {
  async show({ params }: HttpContext) {
    const entry = await findWidget(params.key)
    return { data: { tenantName: entry.tenant_name, name: entry.name, language: entry.language, enabled: true } }
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(webCallValidator)
    const entry = await findWidget(ctx.params.key)
    // A number the visitor states is the call's caller id (unverified, like any caller id): the
    // agent's screen pop finds the customer with it and a callback can dial it.
    const ani = input.phone ? await visitorNumber(entry.tenant_id, input.phone) : null
    const voice = await requireVoice('web_calls')
    const callId = newId()
    const room = roomOf(callId)
    const language = input.language ?? entry.language
    const join = await inTenant(entry.tenant_id, async (trx) => {
      const scope = { tenantId: entry.tenant_id, trx, actor: { type: 'anonymous' as const, id: null, email: null }, origin: { ip: ctx.request.ip(), userAgent: ctx.request.header('user-agent') ?? null, requestId: null } }
      await startInboundCall(scope, { callId, channel: 'web', entryPointId: entry.id, language, ani, dnis: entry.name, room, customerIdentity: identities.customer(callId) })
      await voice.createCallRoom(room, { tenantId: entry.tenant_id, callId })
      return voice.joinGrant(room, identities.customer(callId), 'customer', input.name || 'Web caller')
    })
    callConductor.conduct(entry.tenant_id, callId)
    return ctx.response.created({ data: { callId, join } })
  }
}
