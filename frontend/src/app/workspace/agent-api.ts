import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import {
  AgentSelf,
  AgentStateInput,
  DialInput,
  TransferTarget,
  TransferTargets,
} from '../shared/api/acd-models';
import { API_BASE, ApiData } from '../shared/api/api-types';
import { JoinGrant } from '../shared/voice/voice-models';
import { ConsultCommand } from './consult';

/** Call commands without a body, each answering the agent's new state. */
export type CallCommand = 'hangup' | 'hold' | 'retrieve' | 'mute' | 'unmute';

/** What POST /agent/calls/:id/recording does. */
export type RecordingCommand = 'start' | 'stop' | 'pause' | 'resume';

/** A queue's id and name, to name the queue a call comes from. */
export interface QueueName {
  readonly id: string;
  readonly name: string;
}

/** The signed-in agent's own calls of /agent, each answering the agent's new state. */
@Injectable({ providedIn: 'root' })
export class AgentApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_BASE}/agent`;

  me(): Observable<AgentSelf> {
    return this.http.get<ApiData<AgentSelf>>(this.base).pipe(map((r) => r.data));
  }

  setState(body: AgentStateInput): Observable<AgentSelf> {
    return this.http.post<ApiData<AgentSelf>>(`${this.base}/state`, body).pipe(map((r) => r.data));
  }

  accept(offerId: string): Observable<AgentSelf> {
    return this.http
      .post<ApiData<AgentSelf>>(`${this.base}/offers/${offerId}/accept`, {})
      .pipe(map((r) => r.data));
  }

  reject(offerId: string): Observable<AgentSelf> {
    return this.http
      .post<ApiData<AgentSelf>>(`${this.base}/offers/${offerId}/reject`, {})
      .pipe(map((r) => r.data));
  }

  hangUp(callId: string): Observable<AgentSelf> {
    return this.callCommand(callId, 'hangup');
  }

  /** Hang up, hold, retrieve, mute or unmute the agent's call. */
  callCommand(callId: string, command: CallCommand): Observable<AgentSelf> {
    return this.post(callId, command, {});
  }

  /** The agent's credentials for the call's media room. */
  media(callId: string): Observable<JoinGrant> {
    return this.http
      .post<ApiData<JoinGrant>>(`${this.base}/calls/${callId}/media`, {})
      .pipe(map((r) => r.data));
  }

  transfer(callId: string, target: TransferTarget): Observable<AgentSelf> {
    return this.post(callId, 'transfer', target);
  }

  /** Offers the call to a ready colleague as a consultation (the customer waits on hold). */
  consult(callId: string, userId: string): Observable<AgentSelf> {
    return this.post(callId, 'consult', { userId });
  }

  /** Completes the transfer to the consulted agent, makes it a conference, or cancels it. */
  consultCommand(callId: string, command: ConsultCommand): Observable<AgentSelf> {
    return this.post(callId, `consult/${command}`, {});
  }

  /** Places an outbound call (409 with the reason when no SIP gateway is connected). */
  dial(body: DialInput): Observable<AgentSelf> {
    return this.http.post<ApiData<AgentSelf>>(`${this.base}/calls`, body).pipe(map((r) => r.data));
  }

  sendDtmf(callId: string, digits: string): Observable<AgentSelf> {
    return this.post(callId, 'dtmf', { digits });
  }

  recording(callId: string, action: RecordingCommand): Observable<AgentSelf> {
    return this.post(callId, 'recording', { action });
  }

  disposition(callId: string, code: string, notes?: string): Observable<AgentSelf> {
    return this.post(callId, 'disposition', notes ? { code, notes } : { code });
  }

  transferTargets(): Observable<TransferTargets> {
    return this.http
      .get<ApiData<TransferTargets>>(`${this.base}/transfer-targets`)
      .pipe(map((r) => r.data));
  }

  queueNames(): Observable<QueueName[]> {
    return this.http
      .get<ApiData<QueueName[]>>(`${API_BASE}/queues`)
      .pipe(map((r) => r.data.map(({ id, name }) => ({ id, name }))));
  }

  private post(callId: string, path: string, body: object): Observable<AgentSelf> {
    return this.http
      .post<ApiData<AgentSelf>>(`${this.base}/calls/${callId}/${path}`, body)
      .pipe(map((r) => r.data));
  }
}
