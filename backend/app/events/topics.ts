/**
 * Where each domain event goes on the bus: the one mapping from an event type to its Kafka topic,
 * and the record key. The relay uses it to publish, scripts/lib/kafka.mjs to create the topics of
 * the local broker, and consumers to know what to subscribe to. Kept free of imports (and of
 * TypeScript-only runtime syntax) so plain Node can load it from the scripts.
 */

/** Every topic the platform publishes to, one per domain plus the busiest facts on their own. */
export const EVENT_TOPICS = [
  'cc.calls',
  'cc.agents',
  'cc.events',
  'crm.customers',
  'crm.events',
  'voice.events',
  'identity.events',
  'tenancy.events',
  'workspace.events',
  'platform.events',
  'datacenter.events',
  'misc.events',
] as const

/** A topic of the platform's bus. */
export type EventTopic = (typeof EVENT_TOPICS)[number]

/**
 * The topic by the event type's first segment (`call.answered` → `call`). Call and agent facts, and
 * customers, get topics of their own; everything else goes to its domain's catch-all topic.
 */
const TOPIC_BY_PREFIX: Record<string, EventTopic> = {
  call: 'cc.calls',
  leg: 'cc.calls',
  room: 'cc.calls',
  agent: 'cc.agents',
  queue: 'cc.events',
  skill: 'cc.events',
  reason_code: 'cc.events',
  offer: 'cc.events',
  callback: 'cc.events',
  customer: 'crm.customers',
  customer_field: 'crm.events',
  customer_segment: 'crm.events',
  customer_category_group: 'crm.events',
  customer_category_value: 'crm.events',
  customer_import: 'crm.events',
  tracking_record: 'crm.events',
  care_rule: 'crm.events',
  care_task: 'crm.events',
  entry_point: 'voice.events',
  ivr_menu: 'voice.events',
  prompt: 'voice.events',
  phone_number: 'voice.events',
  voice_settings: 'voice.events',
  user: 'identity.events',
  role: 'identity.events',
  team: 'identity.events',
  certificate_authority: 'identity.events',
  tenant: 'tenancy.events',
  announcement: 'workspace.events',
  reminder: 'workspace.events',
  embedded_app: 'workspace.events',
  job: 'platform.events',
  datacenter: 'datacenter.events',
}

/** The topic an event type is published to; a domain not listed yet goes to `misc.events`. */
export function topicOf(type: string): EventTopic {
  const prefix = type.split('.')[0]
  return Object.hasOwn(TOPIC_BY_PREFIX, prefix) ? TOPIC_BY_PREFIX[prefix] : 'misc.events'
}

/**
 * The record key `tenant_id:entity_id`: the tenant leads (consumers route by tenant without reading
 * the payload) and one entity's events share a partition, so they stay in order.
 */
export function partitionKeyOf(event: { tenantId: string; entity: { id: string } }): string {
  return `${event.tenantId}:${event.entity.id}`
}
