import { inject, Injectable } from '@angular/core';
import { Store } from '@ngrx/store';
import { EMPTY, merge, Observable, switchMap, timer } from 'rxjs';
import { authFeature } from '../auth/auth.reducer';
import { CallSummary } from '../shared/api/acd-models';
import { Outcome, toOutcome } from '../shared/api/outcome';
import { RealtimeClient } from '../shared/realtime/realtime-client';
import { POLL_SCHEDULER } from '../shared/store/schedulers';
import { CallsApi } from './calls-api';

/** How often the live calls are re-read anyway, in case the socket was down. */
export const CALLS_POLL_MS = 15_000;

/**
 * Live calls for supervisors: every change pushed on the tenant's wallboard channel re-reads them
 * at once; a slow poll covers a socket that is down.
 */
@Injectable({ providedIn: 'root' })
export class CallsFeed {
  private readonly api = inject(CallsApi);
  private readonly scheduler = inject(POLL_SCHEDULER);
  private readonly realtime = inject(RealtimeClient);
  private readonly tenant = inject(Store).selectSignal(authFeature.selectTenant);

  /** Emits the live calls at once, on every pushed change and every 15 s; a failed read emits its error. */
  watch(): Observable<Outcome<CallSummary[]>> {
    const tenant = this.tenant();
    const pushes = tenant ? this.realtime.channel(`tenant/${tenant.id}/wallboard`) : EMPTY;
    return merge(timer(0, CALLS_POLL_MS, this.scheduler), pushes).pipe(
      switchMap(() => toOutcome(this.api.live())),
    );
  }
}
