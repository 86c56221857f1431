import { input, nullable, object, ref, type SchemaMap } from '#platform/openapi/spec'

const id = ref('Uuid')
const when = ref('Timestamp')
const mode = { type: 'string', enum: ['personal', 'queue'], description: 'personal: offered to its agent only, to the whole queue after 15 minutes; queue: to anyone in the queue' }
const status = {
  type: 'string',
  enum: ['scheduled', 'queued', 'completed', 'cancelled', 'failed'],
  description: 'scheduled: not due yet; queued: waiting in its queue as a callback call; completed: an agent answered and the number was dialled; failed: the call ended unanswered',
}
const note = nullable({ type: 'string', maxLength: 2000 })
const dueAt = { ...when, description: 'In the future, at most 90 days ahead (422 `dueAt`)' }

/** Scheduled callbacks (app/callbacks). */
export const callbackSchemas: SchemaMap = {
  Callback: object({
    id,
    number: { type: 'string', description: 'E.164' },
    customerId: nullable(id),
    customerName: nullable({ type: 'string' }),
    queueId: id,
    queueName: nullable({ type: 'string' }),
    mode,
    agentId: { ...id, description: 'The agent it belongs to (and, when personal, is offered to)' },
    agentName: nullable({ type: 'string' }),
    note: nullable({ type: 'string' }),
    dueAt: when,
    status,
    simulated: { type: 'boolean', description: 'A simulated callback connects without audio (training, tests)' },
    callId: nullable({ ...id, description: 'The callback call, once queued' }),
    failureReason: nullable({ type: 'string' }),
    createdBy: nullable(id),
    queuedAt: nullable(when),
    finishedAt: nullable(when),
    createdAt: when,
    updatedAt: when,
  }),
  CallbackRequest: input(
    {
      number: { type: 'string', minLength: 1, maxLength: 40, description: 'Any usual spelling; stored as E.164 (422 `number`)' },
      customerId: nullable({ ...id, description: 'A customer you see (422 `customerId` otherwise)' }),
      dueAt,
      queueId: { ...id, description: 'The queue it is routed through when due (422 `queueId`)' },
      mode,
      note,
      agentId: { ...id, description: 'Book it for another agent: needs agents.manage (422 `agentId`)' },
      simulated: { type: 'boolean', description: 'No audio when answered; needs queues.manage (422 `simulated`)' },
    },
    ['number', 'dueAt', 'queueId']
  ),
  RescheduleCallbackRequest: input({ dueAt, mode, queueId: id, note }),
}
