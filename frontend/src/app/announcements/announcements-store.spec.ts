import { TestBed } from '@angular/core/testing';
import { HttpErrorResponse } from '@angular/common/http';
import { provideMockStore } from '@ngrx/store/testing';
import { Observable, of, Subject, throwError, VirtualAction, VirtualTimeScheduler } from 'rxjs';
import { Paged } from '../shared/api/api-types';
import { UserFeed } from '../shared/realtime/user-feed';
import { POLL_SCHEDULER } from '../shared/store/schedulers';
import {
  Acknowledgement,
  Announcement,
  AnnouncementInput,
  AnnouncementsApi,
  InboxAnnouncement,
  TeamOption,
} from './announcements-api';
import { AnnouncementsStore } from './announcements-store';
import { InboxStore, inboxOrder } from './inbox-store';

const notice = (id: string, extra: Partial<Announcement> = {}): Announcement => ({
  id,
  title: `Notice ${id}`,
  body: 'Body',
  priority: 'normal',
  audience: 'organisation',
  teams: [],
  expiresAt: null,
  createdBy: 'u-sup',
  createdByName: 'Sue',
  createdAt: '2026-02-01T08:00:00.000Z',
  recipientCount: 4,
  ackCount: 1,
  ...extra,
});

const inboxItem = (id: string, extra: Partial<InboxAnnouncement> = {}): InboxAnnouncement => ({
  id,
  title: `Notice ${id}`,
  body: 'Body',
  priority: 'normal',
  expiresAt: null,
  createdByName: 'Sue',
  createdAt: '2026-02-01T08:00:00.000Z',
  acknowledgedAt: null,
  ...extra,
});

/** An AnnouncementsApi answering from memory. */
class FakeApi {
  inboxItems: InboxAnnouncement[] = [
    inboxItem('a-urgent', { priority: 'urgent', createdAt: '2026-02-01T09:00:00.000Z' }),
    inboxItem('a-normal'),
    inboxItem('a-read', { acknowledgedAt: '2026-02-01T10:00:00.000Z' }),
  ];
  acked: string[] = [];
  teamsAll: boolean | null = null;
  list(page: number): Observable<Paged<Announcement>> {
    return of({
      data: [notice('n-1')],
      meta: { total: 1, perPage: 20, currentPage: page, lastPage: 1 },
    });
  }
  publish(body: AnnouncementInput): Observable<Announcement> {
    if (body.audience === 'teams' && !body.teamIds?.length) {
      return throwError(
        () =>
          new HttpErrorResponse({
            status: 422,
            error: {
              errors: [{ field: 'teamIds', rule: 'required', message: 'Choose at least one team' }],
            },
          }),
      );
    }
    return of(notice('n-new', { title: body.title, ackCount: 0 }));
  }
  withdraw(): Observable<void> {
    return of(undefined);
  }
  acknowledgements(): Observable<Acknowledgement[]> {
    return of([
      { userId: 'u-1', displayName: 'Ada', acknowledgedAt: '2026-02-01T10:00:00.000Z' },
      { userId: 'u-2', displayName: 'Bob', acknowledgedAt: null },
    ]);
  }
  inboxReads = 0;
  inbox(): Observable<InboxAnnouncement[]> {
    this.inboxReads++;
    return of(this.inboxItems);
  }
  acknowledge(id: string): Observable<InboxAnnouncement> {
    this.acked.push(id);
    const item = this.inboxItems.find((a) => a.id === id)!;
    return of({ ...item, acknowledgedAt: item.acknowledgedAt ?? '2026-02-02T08:00:00.000Z' });
  }
  teams(all: boolean): Observable<TeamOption[]> {
    this.teamsAll = all;
    return of([{ id: 't-1', name: 'Night shift' }]);
  }
}

function setup() {
  const api = new FakeApi();
  TestBed.configureTestingModule({
    providers: [
      AnnouncementsStore,
      { provide: AnnouncementsApi, useValue: api },
      provideMockStore({ initialState: { auth: { permissions: ['announcements.manage'] } } }),
    ],
  });
  return { api };
}

describe('InboxStore', () => {
  it('counts the unread announcements, urgent ones apart', () => {
    setup();
    const store = TestBed.inject(InboxStore);
    store.load();
    expect(store.unreadCount()).toBe(2);
    expect(store.urgentUnreadCount()).toBe(1);
  });

  it('acknowledges the open announcement: it moves below the unread ones and the reader closes', async () => {
    const { api } = setup();
    const store = TestBed.inject(InboxStore);
    store.load();
    store.open(store.items()[0]!);
    const outcome = await store.acknowledge('a-urgent');
    expect(outcome.ok).toBe(true);
    expect(api.acked).toEqual(['a-urgent']);
    expect(store.reading()).toBeNull();
    expect(store.unreadCount()).toBe(1);
    expect(store.items().map((a) => a.id)).toEqual(['a-normal', 'a-urgent', 'a-read']);
  });

  it('orders unread first, then urgent, then newest', () => {
    const list = inboxOrder([
      inboxItem('old-read', { acknowledgedAt: '2026-01-01T00:00:00.000Z' }),
      inboxItem('new-normal', { createdAt: '2026-03-01T00:00:00.000Z' }),
      inboxItem('old-urgent', { priority: 'urgent', createdAt: '2026-01-01T00:00:00.000Z' }),
    ]);
    expect(list.map((a) => a.id)).toEqual(['old-urgent', 'new-normal', 'old-read']);
  });
});

describe('AnnouncementsStore', () => {
  it('loads the first page and the teams when the page opens', () => {
    const { api } = setup();
    const store = TestBed.inject(AnnouncementsStore);
    TestBed.tick();
    expect(store.announcements().map((a) => a.id)).toEqual(['n-1']);
    expect(store.teams()).toEqual([{ id: 't-1', name: 'Night shift' }]);
    expect(api.teamsAll).toBe(false);
  });

  it('puts a published announcement on top and closes the drawer; a 422 keeps it open', async () => {
    setup();
    const store = TestBed.inject(AnnouncementsStore);
    TestBed.tick();
    store.openCompose();
    const refused = await store.publish({
      title: 'x',
      body: 'y',
      priority: 'normal',
      audience: 'teams',
      teamIds: [],
    });
    expect(refused.ok).toBe(false);
    expect(store.composing()).toBe(true);
    expect(store.saveError()?.fieldErrors[0]?.field).toBe('teamIds');
    const ok = await store.publish({
      title: 'Outage',
      body: 'y',
      priority: 'urgent',
      audience: 'organisation',
    });
    expect(ok.ok).toBe(true);
    expect(store.composing()).toBe(false);
    expect(store.announcements().map((a) => a.title)).toEqual(['Outage', 'Notice n-1']);
    expect(store.meta().total).toBe(2);
  });

  it('splits who acknowledged from who did not, and withdraws an announcement', async () => {
    setup();
    const store = TestBed.inject(AnnouncementsStore);
    TestBed.tick();
    store.showAcks(store.announcements()[0]!);
    expect(store.acknowledged().map((a) => a.displayName)).toEqual(['Ada']);
    expect(store.pending().map((a) => a.displayName)).toEqual(['Bob']);
    await store.withdraw(store.announcements()[0]!);
    expect(store.announcements()).toEqual([]);
  });
});

describe('InboxStore live', () => {
  function live() {
    const { api } = setup();
    const pushes = new Subject<string>();
    const asked: string[][] = [];
    const scheduler = new VirtualTimeScheduler(VirtualAction, Infinity);
    TestBed.overrideProvider(UserFeed, {
      useValue: {
        changes: (...prefixes: string[]) => {
          asked.push(prefixes);
          return pushes;
        },
      },
    });
    TestBed.overrideProvider(POLL_SCHEDULER, { useValue: scheduler });
    const store = TestBed.inject(InboxStore);
    store.load();
    TestBed.runInInjectionContext(() => store.followLive());
    return { api, store, pushes, asked, scheduler };
  }

  it('re-reads the inbox when an announcement is pushed: the badge counts a new one without a reload', () => {
    const { api, store, pushes, asked } = live();
    expect(asked).toEqual([['announcement.']]);
    expect(store.unreadCount()).toBe(2);
    api.inboxItems = [inboxItem('a-new', { priority: 'urgent' }), ...api.inboxItems];
    pushes.next('announcement.published');
    expect(store.unreadCount()).toBe(3);
    expect(store.urgentUnreadCount()).toBe(2);
  });

  it('reads once more at the end of a burst, not once per push', () => {
    const { api, pushes, scheduler } = live();
    const before = api.inboxReads;
    for (let i = 0; i < 5; i++) pushes.next('announcement.published');
    expect(api.inboxReads).toBe(before + 1);
    scheduler.flush();
    expect(api.inboxReads).toBe(before + 2);
  });

  it('closes the reader when the announcement being read was withdrawn', () => {
    const { api, store, pushes, scheduler } = live();
    store.open(store.items().find((a) => a.id === 'a-normal')!);
    pushes.next('announcement.acknowledged');
    scheduler.flush();
    expect(store.reading()?.id).toBe('a-normal');
    api.inboxItems = api.inboxItems.filter((a) => a.id !== 'a-normal');
    pushes.next('announcement.withdrawn');
    scheduler.flush();
    expect(store.reading()).toBeNull();
  });
});
