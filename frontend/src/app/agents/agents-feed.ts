import { inject, Injectable } from '@angular/core';
import { Store } from '@ngrx/store';
import { EMPTY, merge, Observable, switchMap, timer } from 'rxjs';
import { authFeature } from '../auth/auth.reducer';
import { AgentStatus } from '../shared/api/acd-models';
import { Outcome, toOutcome } from '../shared/api/outcome';
import { RealtimeClient } from '../shared/realtime/realtime-client';
import { POLL_SCHEDULER } from '../shared/store/schedulers';
import { AgentsApi } from './agents-api';

/** How often the agents table re-reads the states anyway, in case the socket was down. */
export const AGENTS_POLL_MS = 15_000;

/**
 * Live agent states for the supervisors' table: every change pushed on the tenant's wallboard
 * channel re-reads them at once; a slow poll covers a socket that is down.
 */
@Injectable({ providedIn: 'root' })
export class AgentsFeed {
  private readonly api = inject(AgentsApi);
  private readonly scheduler = inject(POLL_SCHEDULER);
  private readonly realtime = inject(RealtimeClient);
  private readonly tenant = inject(Store).selectSignal(authFeature.selectTenant);

  /** Emits the states at once, on every pushed change and every 15 s; a failed read emits its error. */
  watch(): Observable<Outcome<AgentStatus[]>> {
    const tenant = this.tenant();
    const pushes = tenant ? this.realtime.channel(`tenant/${tenant.id}/wallboard`) : EMPTY;
    return merge(timer(0, AGENTS_POLL_MS, this.scheduler), pushes).pipe(
      switchMap(() => toOutcome(this.api.list())),
    );
  }
}
