import { inject, Injectable } from '@angular/core';
import { exhaustMap, Observable, timer } from 'rxjs';
import { AgentSelf } from '../shared/api/acd-models';
import { Outcome, toOutcome } from '../shared/api/outcome';
import { POLL_SCHEDULER } from '../shared/store/schedulers';
import { AgentApi } from './agent-api';

/** How often the workspace asks for the agent's state while it is open. */
export const AGENT_POLL_MS = 1500;

/**
 * The signed-in agent's live state (offers arrive through it). Polls for now; the realtime
 * WebSocket will replace this one class without the store noticing.
 */
@Injectable({ providedIn: 'root' })
export class AgentFeed {
  private readonly api = inject(AgentApi);
  private readonly scheduler = inject(POLL_SCHEDULER);

  /** Emits the state at once and then every 1.5 s; a failed read emits its error. */
  watch(): Observable<Outcome<AgentSelf>> {
    return timer(0, AGENT_POLL_MS, this.scheduler).pipe(exhaustMap(() => toOutcome(this.api.me())));
  }
}
