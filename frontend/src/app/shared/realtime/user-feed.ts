import { inject, Injectable } from '@angular/core';
import { Store } from '@ngrx/store';
import { defer, EMPTY, filter, map, merge, Observable } from 'rxjs';
import { authFeature } from '../../auth/auth.reducer';
import { RealtimeClient, RealtimeMessage } from './realtime-client';

/** The marker of a snapshot after the first one (a reconnect): re-read, something may be missed. */
export const RESYNC = 'resync';

/** Keeps the events whose type starts with one of the prefixes, and the snapshots after each channel's first. */
function changesOf(messages: Observable<RealtimeMessage>, prefixes: readonly string[]) {
  return defer(() => {
    let snapshots = 0;
    return messages.pipe(
      map((message): string | null => {
        if (message.type === 'snapshot') return snapshots++ > 0 ? RESYNC : null;
        if (message.type === 'event' && prefixes.some((p) => message.event.type.startsWith(p)))
          return message.event.type;
        return null;
      }),
      filter((change): change is string => change !== null),
    );
  });
}

/**
 * The signed-in user's own realtime channel (`tenant/<id>/user/<id>`: announcements, care tasks
 * and reminders addressed to them) together with the tenant's broadcast (`tenant/<id>/broadcast`:
 * organisation-wide announcements, embedded-app and care-rule changes, kind only). Readers ask for
 * the event families they show and re-read their lists when one arrives.
 */
@Injectable({ providedIn: 'root' })
export class UserFeed {
  private readonly realtime = inject(RealtimeClient);
  private readonly auth = inject(Store);
  private readonly user = this.auth.selectSignal(authFeature.selectUser);
  private readonly tenant = this.auth.selectSignal(authFeature.selectTenant);

  /** Event types (or `resync`) on the user's channel and the broadcast whose type starts with a prefix. */
  changes(...prefixes: string[]): Observable<string> {
    return defer(() => {
      const user = this.user();
      const tenant = this.tenant();
      if (!user || !tenant) return EMPTY;
      return merge(
        changesOf(this.realtime.channel(`tenant/${tenant.id}/user/${user.id}`), prefixes),
        changesOf(this.realtime.channel(`tenant/${tenant.id}/broadcast`), prefixes),
      );
    });
  }

  /** Event types (or `resync`) on the tenant's broadcast only. */
  broadcast(...prefixes: string[]): Observable<string> {
    return defer(() => {
      const tenant = this.tenant();
      return tenant
        ? changesOf(this.realtime.channel(`tenant/${tenant.id}/broadcast`), prefixes)
        : EMPTY;
    });
  }
}
