import type {
  CallEndReason,
  CallInfo,
  EventPayloads,
  EventTopic,
  Target,
} from '../../../agent-sdk/types';
import type { QueueStats as LiveQueueStats } from '../../supervisor/supervisor-api';
import { SdkView } from './sdk-snapshot';

/** One event to publish. */
export type SdkEvent = { [T in EventTopic]: { topic: T; payload: EventPayloads[T] } }[EventTopic];

const event = <T extends EventTopic>(topic: T, payload: EventPayloads[T]): SdkEvent =>
  ({ topic, payload }) as SdkEvent;

/** The server's end reason in the SDK's words (null: the call disappeared without one). */
export function endReason(
  raw: string | null,
  previous: CallInfo,
  transferred: boolean,
): CallEndReason {
  if (transferred || raw?.startsWith('transferred')) return 'transferred';
  if (raw === 'agent_hangup') return 'agent_hangup';
  if (raw === 'media_failed' || raw === 'failed') return 'failed';
  if (raw === null && previous.state === 'offered') return 'missed';
  return 'remote_hangup';
}

const isOver = (call: CallInfo): boolean => call.state === 'wrap_up' || call.state === 'ended';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The events a call that just appeared (or replaced another) stands for. */
function arrived(call: CallInfo): SdkEvent[] {
  switch (call.state) {
    case 'offered':
      return [event('call.offered', { call })];
    case 'dialing':
      return [event('call.dialing', { call })];
    case 'connected':
      return [event('call.answered', { call })];
    case 'held':
      return [event('call.answered', { call }), event('call.held', { call })];
    default:
      return [event('call.updated', { call })];
  }
}

/** The call is gone for the agent: it was transferred and/or it ended (once). */
function gone(prev: SdkView, call: CallInfo, transferTo: Target | null): SdkEvent[] {
  const events: SdkEvent[] = [];
  if (transferTo) events.push(event('call.transferred', { call, target: transferTo }));
  if (!isOver(call)) {
    const ended: CallInfo = { ...call, state: 'ended', allowedActions: [] };
    const reason = endReason(prev.endReason, call, transferTo !== null);
    events.push(event('call.ended', { call: ended, reason }));
  }
  return events;
}

/** Events of one call that is still the agent's call. */
function changed(prev: SdkView, next: SdkView, before: CallInfo, call: CallInfo): SdkEvent[] {
  const events: SdkEvent[] = [];
  const was = before.state;
  const now = call.state;
  if (was !== now) {
    if (now === 'connected' && was === 'held') events.push(event('call.retrieved', { call }));
    else if (now === 'connected' || (now === 'held' && (was === 'offered' || was === 'dialing')))
      events.push(event('call.answered', { call }));
    if (now === 'held') events.push(event('call.held', { call }));
    if (isOver(call) && !isOver(before))
      events.push(event('call.ended', { call, reason: endReason(next.endReason, before, false) }));
  }
  if (before.muted !== call.muted) events.push(event('call.muteChanged', { call }));
  if (before.recording !== call.recording) events.push(event('call.recordingChanged', { call }));
  if (next.consult === 'talking' && prev.consult !== 'talking' && prev.consult !== 'conference')
    events.push(event('call.consultStarted', { call }));
  if (next.disposition && next.disposition !== prev.disposition)
    events.push(event('call.dispositionSet', { callId: call.id, code: next.disposition }));
  if (events.length === 0 && !same(before, call)) events.push(event('call.updated', { call }));
  return events;
}

/**
 * The events that take apps from one view to the next. `transferTo` names where the previous
 * call was transferred, when the workspace knows it. The first view (no agent before) says nothing:
 * apps got it in their welcome snapshot.
 */
export function sdkEvents(
  prev: SdkView,
  next: SdkView,
  transferTo: Target | null = null,
): SdkEvent[] {
  if (!prev.agent) return [];
  const events: SdkEvent[] = [];
  if (next.agent && next.agent.state !== prev.agent.state) {
    events.push(event('agent.stateChanged', { agent: next.agent, previous: prev.agent.state }));
  } else if (next.agent && next.agent.reasonCode !== prev.agent.reasonCode) {
    events.push(event('agent.stateChanged', { agent: next.agent, previous: prev.agent.state }));
  }
  const before = prev.call;
  const call = next.call;
  if (before && call && before.id === call.id) {
    events.push(...changed(prev, next, before, call));
  } else {
    if (before) events.push(...gone(prev, before, transferTo));
    if (call) events.push(...arrived(call));
  }
  return events;
}

/** What apps learn of a queue from a reading: the longest wait ticks by itself, so its start counts. */
const figures = (stats: LiveQueueStats) =>
  [stats.queueId, stats.name, stats.waiting, stats.agentsReady, stats.oldestQueuedAt].join('|');

/**
 * Whether a reading of the agent's queues (the My queues card's) tells apps something new, so they
 * get `queue.statsChanged`: a queue joined or left, its callers waiting, its oldest caller or its
 * ready agents changed. The first reading (`prev` null) counts, so apps that connected before it
 * learn the figures without asking.
 */
export function queueFiguresChanged(
  prev: readonly LiveQueueStats[] | null,
  next: readonly LiveQueueStats[],
): boolean {
  if (prev === null) return true;
  return (
    prev.length !== next.length || prev.some((stats, i) => figures(stats) !== figures(next[i]!))
  );
}
