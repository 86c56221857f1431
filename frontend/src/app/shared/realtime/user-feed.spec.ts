import { TestBed } from '@angular/core/testing';
import { provideMockStore } from '@ngrx/store/testing';
import { initialAuthState } from '../../auth/auth.reducer';
import { RealtimeClient } from './realtime-client';
import { FakeRealtime } from './testing/fake-realtime';
import { RESYNC, UserFeed } from './user-feed';

const USER = 'tenant/t-1/user/u-1';
const BROADCAST = 'tenant/t-1/broadcast';

function setup(signedIn = true) {
  const realtime = new FakeRealtime();
  const auth = signedIn ? { user: { id: 'u-1' }, tenant: { id: 't-1' } } : {};
  TestBed.configureTestingModule({
    providers: [
      provideMockStore({ initialState: { auth: { ...initialAuthState, ...auth } } }),
      { provide: RealtimeClient, useValue: realtime },
    ],
  });
  return { feed: TestBed.inject(UserFeed), realtime };
}

describe('UserFeed', () => {
  it('follows the user’s own channel and the broadcast, keeping the asked-for event families', () => {
    const { feed, realtime } = setup();
    const got: string[] = [];
    const subscription = feed.changes('announcement.').subscribe((c) => got.push(c));
    expect(realtime.asked).toEqual([USER, BROADCAST]);
    realtime.snapshot(USER);
    realtime.snapshot(BROADCAST);
    realtime.event(USER, 'announcement.published');
    realtime.event(USER, 'care_task.created');
    realtime.event(BROADCAST, 'announcement.withdrawn');
    realtime.event(BROADCAST, 'embedded_app.created');
    expect(got).toEqual(['announcement.published', 'announcement.withdrawn']);

    // A later snapshot means the socket came back: something may have been missed.
    realtime.snapshot(USER);
    expect(got.at(-1)).toBe(RESYNC);
    subscription.unsubscribe();
    expect(realtime.followed(USER)).toBe(false);
    expect(realtime.followed(BROADCAST)).toBe(false);
  });

  it('listens on the broadcast alone for configuration changes', () => {
    const { feed, realtime } = setup();
    const got: string[] = [];
    feed.broadcast('embedded_app.').subscribe((c) => got.push(c));
    expect(realtime.asked).toEqual([BROADCAST]);
    realtime.event(BROADCAST, 'embedded_app.deleted');
    expect(got).toEqual(['embedded_app.deleted']);
  });

  it('follows nothing before sign-in', () => {
    const { feed, realtime } = setup(false);
    feed.changes('announcement.').subscribe();
    expect(realtime.asked).toEqual([]);
  });
});
