import { CallSummary, SupervisionMode } from '../shared/api/acd-models';

/** The call this supervisor is on, and how. */
export interface Supervising {
  readonly callId: string;
  readonly mode: SupervisionMode;
}

/** The supervision commands of one row. */
export type SupervisorAction = 'monitor' | 'whisper' | 'barge' | 'intercept' | 'leave' | 'release';

/** Permission behind each supervision command. */
export const ACTION_PERMISSION: Readonly<Record<SupervisorAction, string>> = {
  monitor: 'calls.monitor',
  whisper: 'calls.whisper',
  barge: 'calls.barge',
  intercept: 'calls.intercept',
  leave: 'calls.monitor',
  release: 'agents.manage',
};

/**
 * Which commands a row offers: the permission must be held; whisper, barge and intercept need an
 * agent talking on the call; a mode already in use is not offered again; leave only while on it.
 */
export function supervisorActions(
  call: CallSummary,
  supervising: Supervising | null,
  granted: ReadonlySet<string>,
): ReadonlySet<SupervisorAction> {
  const mine = supervising?.callId === call.id ? supervising.mode : null;
  const talking = call.status === 'connected' && !!call.agentId;
  const live = call.status !== 'ended';
  const offered = new Set<SupervisorAction>();
  if (live && mine !== 'monitor') offered.add('monitor');
  if (talking && mine !== 'whisper') offered.add('whisper');
  if (talking && mine !== 'barge') offered.add('barge');
  if (talking) offered.add('intercept');
  if (mine) offered.add('leave');
  if (live) offered.add('release');
  return new Set([...offered].filter((action) => granted.has(ACTION_PERMISSION[action])));
}

/** When the call's clock starts: answered, else queued, else created. */
export function callStartedAt(call: CallSummary): string | null {
  return call.answeredAt ?? call.queuedAt ?? call.createdAt;
}
