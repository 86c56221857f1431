import { inject, Injectable } from '@angular/core';
import { exhaustMap, Observable, timer } from 'rxjs';
import { AgentStatus } from '../shared/api/acd-models';
import { Outcome, toOutcome } from '../shared/api/outcome';
import { POLL_SCHEDULER } from '../shared/store/schedulers';
import { AgentsApi } from './agents-api';

/** How often the agents table asks for the agents' states. */
export const AGENTS_POLL_MS = 3000;

/**
 * Live agent states for the supervisors' table. Polls for now; the realtime WebSocket will
 * replace this one class without the store noticing.
 */
@Injectable({ providedIn: 'root' })
export class AgentsFeed {
  private readonly api = inject(AgentsApi);
  private readonly scheduler = inject(POLL_SCHEDULER);

  /** Emits the states at once and then every few seconds; a failed read emits its error. */
  watch(): Observable<Outcome<AgentStatus[]>> {
    return timer(0, AGENTS_POLL_MS, this.scheduler).pipe(
      exhaustMap(() => toOutcome(this.api.list())),
    );
  }
}
