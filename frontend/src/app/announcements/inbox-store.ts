import { computed, inject } from '@angular/core';
import { patchState, signalStore, withComputed, withMethods, withState } from '@ngrx/signals';
import { loadMethod, withLoad } from '../shared/store/with-load';
import { withMutation } from '../shared/store/with-mutation';
import { AnnouncementsApi, InboxAnnouncement } from './announcements-api';

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
    load: loadMethod(
      store,
      () => api.inbox(),
      (items) => patchState(store, { items }),
    ),
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
