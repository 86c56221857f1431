/**
 * Which call-control actions make sense now, as one pure function: the API refuses what it does
 * not list, and the agent's buttons show exactly what it lists.
 */

/** Every action an agent may take on a call. */
export const CALL_ACTIONS = [
  'answer',
  'reject',
  'hangup',
  'hold',
  'retrieve',
  'mute',
  'unmute',
  'transfer',
  'consult',
  'consult_complete',
  'consult_conference',
  'consult_cancel',
  'dtmf',
  'record_start',
  'record_stop',
  'record_pause',
  'record_resume',
  'disposition',
] as const

/** One call-control action. */
export type CallAction = (typeof CALL_ACTIONS)[number]

/** When calls are recorded. */
export type RecordingMode = 'never' | 'on_demand' | 'always'

/** What the decision needs to know about the call and the person asking. */
export interface CallActionContext {
  status: string
  /** The call has media (a room); simulated calls have none. */
  hasMedia: boolean
  onHold: boolean
  muted: boolean
  recording: 'off' | 'on' | 'paused'
  recordingMode: RecordingMode
  /** The asker holds the pending offer of this call. */
  offeredToViewer: boolean
  /** The asker is the call's connected agent. */
  viewerIsAgent: boolean
  /** The asker is wrapping up this call. */
  viewerWrappingUp: boolean
  /** A consultation on the call, and whether the asker is the agent consulted. */
  consult: 'ringing' | 'talking' | 'conference' | null
  viewerIsConsulted: boolean
}

function recordingActions(context: CallActionContext): CallAction[] {
  if (context.recordingMode === 'never') return []
  const always = context.recordingMode === 'always'
  if (context.recording === 'off') return always ? [] : ['record_start']
  if (context.recording === 'on') return always ? ['record_pause'] : ['record_pause', 'record_stop']
  return always ? ['record_resume'] : ['record_resume', 'record_stop']
}

/** The actions allowed now, in a stable order. */
export function allowedCallActions(context: CallActionContext): CallAction[] {
  if (context.offeredToViewer) return ['answer', 'reject']
  if (context.status === 'ended' && context.viewerWrappingUp) return ['disposition']
  if (context.status !== 'connected') return []
  // The consulted agent can only leave the consultation (or, in a conference, the call).
  if (context.viewerIsConsulted) return context.consult === 'ringing' ? [] : ['hangup']
  if (!context.viewerIsAgent) return []
  if (context.consult) return consultActions(context)
  const actions: CallAction[] = ['hangup', 'transfer', 'disposition']
  if (!context.hasMedia) return actions
  actions.push(context.onHold ? 'retrieve' : 'hold', 'consult')
  if (!context.onHold) actions.push(context.muted ? 'unmute' : 'mute', 'dtmf')
  actions.push(...recordingActions(context))
  return CALL_ACTIONS.filter((action) => actions.includes(action))
}

/** While a consultation runs the customer is on hold; the initiator finishes it one of three ways. */
function consultActions(context: CallActionContext): CallAction[] {
  if (context.consult === 'ringing') return ['hangup', 'consult_cancel']
  if (context.consult === 'talking') return ['hangup', 'consult_complete', 'consult_conference', 'consult_cancel']
  return CALL_ACTIONS.filter((action) => ['hangup', context.muted ? 'unmute' : 'mute', ...recordingActions(context)].includes(action))
}

/** Refuses an action that is not allowed now, with the reason an agent understands. */
export function actionRefusal(action: CallAction, context: CallActionContext): string | null {
  if (allowedCallActions(context).includes(action)) return null
  if (context.status === 'ended') return 'The call has ended'
  if (!context.viewerIsAgent && !context.offeredToViewer && !context.viewerIsConsulted) return 'You are not on this call'
  if (action.startsWith('consult_') && !context.consult) return 'There is no consultation on this call'
  if (context.consult && !action.startsWith('consult_')) return 'Finish the consultation first'
  if (!context.hasMedia && ['hold', 'retrieve', 'mute', 'unmute', 'dtmf'].includes(action)) return 'This call has no audio'
  if (action.startsWith('record_') && context.recordingMode === 'never') return 'Recording is switched off for this queue'
  if (action.startsWith('record_') && context.recordingMode === 'always') return 'Calls in this queue are always recorded'
  if (context.onHold && ['mute', 'unmute', 'dtmf', 'hold'].includes(action)) return 'The call is on hold'
  return `Cannot ${action.replace('_', ' ')} now`
}
