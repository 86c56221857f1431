import { Callback } from './callbacks-api';

/** A callback for unit tests: scheduled, personal, in queue q1, with what `extra` changes. */
export const callback = (id: string, dueAt: string, extra: Partial<Callback> = {}): Callback => ({
  id,
  number: '+14155550123',
  customerId: null,
  customerName: null,
  queueId: 'q1',
  queueName: 'Care',
  mode: 'personal',
  agentId: 'me',
  agentName: 'Me',
  note: null,
  dueAt,
  status: 'scheduled',
  simulated: false,
  callId: null,
  failureReason: null,
  createdBy: 'me',
  queuedAt: null,
  finishedAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});
