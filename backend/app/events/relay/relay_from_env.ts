import env from '#start/env'
import { OutboxRelay, type RelayOptions } from '#events/relay/outbox_relay'
import { KafkaEventPublisher } from '#events/relay/kafka_publisher'
import { InProcessEventPublisher } from '#events/relay/in_process_publisher'

/** The brokers of KAFKA_BROKERS (`host:port,host:port`), empty when unset. */
export function kafkaBrokers(): string[] {
  return (env.get('KAFKA_BROKERS') ?? '').split(',').map((b) => b.trim()).filter(Boolean)
}

/** This process's relay: to Kafka when KAFKA_BROKERS is set, otherwise to the in-process bus. */
export function relayFromEnv(options?: RelayOptions): OutboxRelay {
  const brokers = kafkaBrokers()
  return new OutboxRelay(brokers.length ? new KafkaEventPublisher({ brokers }) : new InProcessEventPublisher(), options)
}
