import { inject, Injectable } from '@angular/core';
import { Store } from '@ngrx/store';
import { EMPTY, merge, Observable, switchMap, timer } from 'rxjs';
import { authFeature } from '../auth/auth.reducer';
import { AgentSelf } from '../shared/api/acd-models';
import { Outcome, toOutcome } from '../shared/api/outcome';
import { RealtimeClient } from '../shared/realtime/realtime-client';
import { POLL_SCHEDULER } from '../shared/store/schedulers';
import { AgentApi } from './agent-api';

/** How often the workspace re-reads the agent's state anyway, in case the socket was down. */
export const AGENT_POLL_MS = 10_000;

/**
 * The signed-in agent's live state. Offers and state changes arrive on the agent's realtime
 * channel and make it re-read the state at once; a slow poll covers a socket that is down.
 */
@Injectable({ providedIn: 'root' })
export class AgentFeed {
  private readonly api = inject(AgentApi);
  private readonly scheduler = inject(POLL_SCHEDULER);
  private readonly realtime = inject(RealtimeClient);
  private readonly store = inject(Store);
  private readonly user = this.store.selectSignal(authFeature.selectUser);
  private readonly tenant = this.store.selectSignal(authFeature.selectTenant);

  /** Emits the state at once, on every pushed change, and every 10 s; a failed read emits its error. */
  watch(): Observable<Outcome<AgentSelf>> {
    const user = this.user();
    const tenant = this.tenant();
    const pushes =
      user && tenant ? this.realtime.channel(`tenant/${tenant.id}/agent/${user.id}`) : EMPTY;
    return merge(timer(0, AGENT_POLL_MS, this.scheduler), pushes).pipe(
      switchMap(() => toOutcome(this.api.me())),
    );
  }
}
