import { ClientCore } from './client-core';
import { CCAgentError } from './errors';
import type { MethodParams } from './protocol';
import type { AgentInfo, AppToken, CallInfo, QueueStats, Target } from './types';

/**
 * A connected app's handle on the agent workspace: promise-returning call and agent controls, the
 * current agent and call kept up to date from events, and `on()` subscriptions. Methods taking an
 * optional `callId` default to the current call.
 */
export class AgentClient extends ClientCore {
  /** Answers the offered call. */
  async answer(callId?: string): Promise<void> {
    return this.request('calls.answer', { callId: this.callId(callId) });
  }

  /** Hangs up the call. */
  async hangup(callId?: string): Promise<void> {
    return this.request('calls.hangup', { callId: this.callId(callId) });
  }

  /** Puts the call on hold. */
  async hold(callId?: string): Promise<void> {
    return this.request('calls.hold', { callId: this.callId(callId) });
  }

  /** Takes the call off hold. */
  async retrieve(callId?: string): Promise<void> {
    return this.request('calls.retrieve', { callId: this.callId(callId) });
  }

  /** Mutes the agent's microphone on the call. */
  async mute(callId?: string): Promise<void> {
    return this.request('calls.mute', { callId: this.callId(callId) });
  }

  /** Unmutes the agent's microphone on the call. */
  async unmute(callId?: string): Promise<void> {
    return this.request('calls.unmute', { callId: this.callId(callId) });
  }

  /** Sends DTMF digits (`0-9 * # A-D`, `w` = half-second pause). */
  async sendDtmf(digits: string, callId?: string): Promise<void> {
    return this.request('calls.sendDtmf', { callId: this.callId(callId), digits });
  }

  /** Blind-transfers the call. */
  async transfer(target: Target, callId?: string): Promise<void> {
    return this.request('calls.transfer', { callId: this.callId(callId), target });
  }

  /** Starts a consult leg while the call waits on hold; resolves with the consult leg. */
  async consult(target: Target, callId?: string): Promise<CallInfo> {
    return this.request('calls.consult', { callId: this.callId(callId), target });
  }

  /** Hands the call over to the consulted party. */
  async completeTransfer(callId?: string): Promise<void> {
    return this.request('calls.completeTransfer', { callId: this.callId(callId) });
  }

  /** Joins caller, agent and consulted party. */
  async conference(callId?: string): Promise<void> {
    return this.request('calls.conference', { callId: this.callId(callId) });
  }

  /** Places an outbound call. */
  async dial(to: string, options: { queueId?: string } = {}): Promise<CallInfo> {
    const params: MethodParams<'calls.dial'> = { to };
    if (options.queueId !== undefined) params.queueId = options.queueId;
    return this.request('calls.dial', params);
  }

  /** Makes the agent ready for calls. */
  async setReady(): Promise<AgentInfo> {
    return this.request('agent.setReady', {});
  }

  /** Makes the agent not ready, optionally with a reason code. */
  async setNotReady(reasonCode?: string): Promise<AgentInfo> {
    return this.request('agent.setNotReady', reasonCode === undefined ? {} : { reasonCode });
  }

  /** Completes wrap-up with a disposition code. */
  async setDisposition(
    code: string,
    options: { notes?: string; callId?: string } = {},
  ): Promise<void> {
    const params: MethodParams<'calls.setDisposition'> = {
      callId: this.callId(options.callId),
      code,
    };
    if (options.notes !== undefined) params.notes = options.notes;
    return this.request('calls.setDisposition', params);
  }

  /** Pauses the call recording. */
  async pauseRecording(callId?: string): Promise<void> {
    return this.request('calls.pauseRecording', { callId: this.callId(callId) });
  }

  /** Resumes the call recording. */
  async resumeRecording(callId?: string): Promise<void> {
    return this.request('calls.resumeRecording', { callId: this.callId(callId) });
  }

  /** Reads the agent from the workspace (and refreshes `agent`). */
  async getAgent(): Promise<AgentInfo> {
    const agent = await this.request('agent.get', {});
    this.agentState = agent;
    return agent;
  }

  /** Reads a call (the current one when `callId` is omitted). */
  async getCall(callId?: string): Promise<CallInfo | null> {
    return this.request('calls.get', callId === undefined ? {} : { callId });
  }

  /** Reads live figures of the agent's queues (or of the given ones). */
  async getQueueStats(queueIds?: readonly string[]): Promise<QueueStats[]> {
    return this.request(
      'queues.getStats',
      queueIds === undefined ? {} : { queueIds: [...queueIds] },
    );
  }

  /**
   * A short-lived token for our REST API, bound to this app's origin (needs the `api.rest`
   * capability and protocol 1.1). The app never sees the agent's session; ask again when the token
   * expires or a request answers 401.
   */
  async getAppToken(): Promise<AppToken> {
    return this.request('auth.getAppToken', {});
  }

  private callId(given: string | undefined): string {
    const id = given ?? this.callState?.id;
    if (id === undefined)
      throw new CCAgentError('E_INVALID', 'There is no current call.', { field: 'callId' });
    return id;
  }
}
