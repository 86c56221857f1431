import { Kafka, logLevel } from 'kafkajs'
import type { DomainEventEnvelope } from '#events/outbox'

/** A record read back from Kafka by the tests. */
export interface ReadRecord {
  topic: string
  partition: number
  offset: string
  key: string
  headers: Record<string, string>
  event: DomainEventEnvelope
}

/**
 * Reads one tenant's records with a real consumer group (the tests check the relay with an
 * independent client). Waits for `expected` records, then `settleMs` more so duplicates would show;
 * gives up after `timeoutMs` and returns what it has. Offsets are committed as it goes.
 */
export async function readTenantRecords(
  brokers: string[],
  options: { topics: readonly string[]; tenantId: string; expected: number; groupId: string; settleMs?: number; timeoutMs?: number }
): Promise<ReadRecord[]> {
  const kafka = new Kafka({ clientId: 'relay-tests', brokers, logLevel: logLevel.NOTHING })
  const consumer = kafka.consumer({ groupId: options.groupId, sessionTimeout: 10000, heartbeatInterval: 1000 })
  const records: ReadRecord[] = []
  await consumer.connect()
  try {
    await consumer.subscribe({ topics: [...options.topics], fromBeginning: true })
    let enough: () => void = () => {}
    const gotEnough = new Promise<void>((resolve) => (enough = resolve))
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const key = message.key?.toString() ?? ''
        if (!key.startsWith(`${options.tenantId}:`)) return
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]))
        records.push({ topic, partition, offset: message.offset, key, headers, event: JSON.parse(message.value!.toString()) })
        if (records.length >= options.expected) enough()
      },
    })
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, options.timeoutMs ?? 30000)))
    await Promise.race([gotEnough, timeout])
    clearTimeout(timer)
    await new Promise((resolve) => setTimeout(resolve, options.settleMs ?? 1500))
    return records
  } finally {
    await consumer.disconnect()
  }
}
