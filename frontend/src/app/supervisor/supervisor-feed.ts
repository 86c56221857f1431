import { inject, Injectable } from '@angular/core';
import { Store } from '@ngrx/store';
import { EMPTY, merge, Observable, of, share, switchMap, throttleTime } from 'rxjs';
import { authFeature } from '../auth/auth.reducer';
import { CallSummary } from '../shared/api/acd-models';
import { Outcome, toOutcome } from '../shared/api/outcome';
import { RealtimeClient } from '../shared/realtime/realtime-client';
import { POLL_SCHEDULER } from '../shared/store/schedulers';
import { CallsApi } from '../calls/calls-api';

/**
 * Pushes closer together than this are read once (a call offer moves a call, an agent and a queue).
 * A push is read at once when none came in the last period, else at the period's end: the numbers
 * follow a call event within this bound plus one read (the wallboard promises under a second).
 */
export const PUSH_COALESCE_MS = 250;

/**
 * The supervisor console's one socket on the tenant's wallboard channel: each reader reads at once,
 * then again after every pushed snapshot or event (bursts coalesced); no polling. Provide it per page.
 */
@Injectable()
export class SupervisorFeed {
  private readonly scheduler = inject(POLL_SCHEDULER);
  private readonly tenant = inject(Store).selectSignal(authFeature.selectTenant);
  private readonly realtime = inject(RealtimeClient);
  private readonly pushes = this.open();

  /** Emits the outcome of `read` now and after every push. */
  watch<T>(read: () => Observable<T>): Observable<Outcome<T>> {
    return merge(of(null), this.pushes).pipe(
      throttleTime(PUSH_COALESCE_MS, this.scheduler, { leading: true, trailing: true }),
      switchMap(() => toOutcome(read())),
    );
  }

  private open(): Observable<unknown> {
    const tenant = this.tenant();
    return tenant ? this.realtime.channel(`tenant/${tenant.id}/wallboard`).pipe(share()) : EMPTY;
  }
}

/**
 * Live calls for the supervisor console, in place of the calls page's feed (which also polls):
 * re-read on the console's shared wallboard socket only.
 */
@Injectable()
export class PushedCallsFeed {
  private readonly feed = inject(SupervisorFeed);
  private readonly api = inject(CallsApi);

  watch(): Observable<Outcome<CallSummary[]>> {
    return this.feed.watch(() => this.api.live());
  }
}
