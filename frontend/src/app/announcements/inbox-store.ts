import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { throttleTime } from 'rxjs';
import { UserFeed } from '../shared/realtime/user-feed';
import { POLL_SCHEDULER } from '../shared/store/schedulers';
import { loadMethod, withLoad } from '../shared/store/with-load';
import { withMutation } from '../shared/store/with-mutation';
import { AnnouncementsApi, InboxAnnouncement } from './announcements-api';

/** Pushes closer together than this make one re-read of the inbox. */
export const INBOX_PUSH_COALESCE_MS = 500;

interface InboxState {
  readonly items: InboxAnnouncement[];
  /** The announcement open for reading. */
  readonly reading: InboxAnnouncement | null;
}

/** Unacknowledged first, urgent first, newest first: the order the API answers in. */
export function inboxOrder(items: readonly InboxAnnouncement[]): InboxAnnouncement[] {
  const rank = (a: InboxAnnouncement) =>
    (a.acknowledgedAt ? 2 : 0) + (a.priority === 'urgent' ? 0 : 1);
  return [...items].sort(
    (a, b) =>
      rank(a) - rank(b) || b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id),
  );
}

/** The signed-in user's announcements, shared by the home card and the announcements page. */
export const InboxStore = signalStore(
  { providedIn: 'root' },
  withState<InboxState>({ items: [], reading: null }),
  withLoad(),
  withMutation(),
  withComputed((store) => ({
    unread: computed(() => store.items().filter((a) => !a.acknowledgedAt)),
    unreadCount: computed(() => store.items().filter((a) => !a.acknowledgedAt).length),
    urgentUnreadCount: computed(
      () => store.items().filter((a) => !a.acknowledgedAt && a.priority === 'urgent').length,
    ),
  })),
  withMethods((store, api = inject(AnnouncementsApi)) => ({
    /** Reads the inbox; an announcement open for reading that was withdrawn meanwhile closes. */
    load: loadMethod(
      store,
      () => api.inbox(),
      (items) => {
        const reading = store.reading();
        patchState(store, {
          items,
          reading: reading && (items.find((a) => a.id === reading.id) ?? null),
        });
      },
    ),
  })),
  withMethods((store, feed = inject(UserFeed), scheduler = inject(POLL_SCHEDULER)) => ({
    /**
     * Keeps the inbox live while the caller (a card, the page) exists: re-reads it when an
     * announcement is published, withdrawn or acknowledged for this user, or after a reconnect.
     * Call it in an injection context.
     */
    followLive(): void {
      feed
        .changes('announcement.')
        .pipe(
          throttleTime(INBOX_PUSH_COALESCE_MS, scheduler, { leading: true, trailing: true }),
          takeUntilDestroyed(),
        )
        .subscribe(() => store.load());
    },
  })),
  withMethods((store, api = inject(AnnouncementsApi)) => ({
    open(item: InboxAnnouncement): void {
      patchState(store, { reading: item, saveError: null });
    },
    close(): void {
      patchState(store, { reading: null });
    },
    /** Acknowledges an announcement; it moves below the unread ones and the reader closes. */
    async acknowledge(id: string) {
      const outcome = await store.mutate(api.acknowledge(id));
      if (outcome.ok) {
        const items = store.items().map((a) => (a.id === id ? outcome.value : a));
        patchState(store, { items: inboxOrder(items), reading: null });
      }
      return outcome;
    },
  })),
);
