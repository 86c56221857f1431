import { data, json, list, query, type OperationMap } from '#platform/openapi/spec'

const WHO = 'Your own callbacks; with agents.manage anyone’s. Any other id answers 404.'

/** Scheduled callbacks (app/callbacks). */
export const callbackOperations: OperationMap = {
  'callbacks.index': {
    tag: 'Workspace',
    summary: 'Scheduled callbacks, by due time',
    description: 'scope mine (default), team (agents.view: the agents of your teams) or all (agents.manage); 403 for a wider scope. At most 500.',
    query: [
      query('scope', { type: 'string', enum: ['mine', 'team', 'all'] }, 'Whose callbacks'),
      query('status', { type: 'string', enum: ['open', 'scheduled', 'queued', 'completed', 'cancelled', 'failed'] }, 'open = scheduled or queued'),
      query('agentId', { type: 'string', format: 'uuid' }, 'One agent’s'),
      query('from', { type: 'string', format: 'date-time' }, 'Due at or after (inclusive)'),
      query('to', { type: 'string', format: 'date-time' }, 'Due before (exclusive)'),
    ],
    success: json(200, list('Callback'), 'The callbacks'),
    errors: [403],
  },
  'callbacks.store': {
    tag: 'Workspace',
    summary: 'Schedule a callback',
    description:
      'When due it waits in its queue as a callback call, offered like any call (a personal one to its agent only, to the queue after 15 minutes); ' +
      'answering it dials the number out through the SIP gateway. Publishes `callback.scheduled`.',
    body: 'CallbackRequest',
    success: json(201, data('Callback'), 'The new callback'),
  },
  'callbacks.show': { tag: 'Workspace', summary: 'One callback', description: 'Yours, your teams’ (agents.view) or anyone’s (agents.manage).', success: json(200, data('Callback'), 'The callback') },
  'callbacks.update': {
    tag: 'Workspace',
    summary: 'Reschedule a callback',
    description: `${WHO} Only while scheduled (409 once queued or finished). Publishes \`callback.rescheduled\`.`,
    body: 'RescheduleCallbackRequest',
    success: json(200, data('Callback'), 'The callback'),
    errors: [409],
  },
  'callbacks.cancel': {
    tag: 'Workspace',
    summary: 'Cancel a callback',
    description: `${WHO} While scheduled, or queued and not answered (its call ends). Publishes \`callback.cancelled\`.`,
    success: json(200, data('Callback'), 'The cancelled callback'),
    errors: [409],
  },
}
