import { TestBed } from '@angular/core/testing';
import { FollowUpsStore } from './follow-ups-store';
import { TrackingApi } from './tracking-api';
import { TrackingStore } from './tracking-store';
import { FakeTrackingApi } from './testing/tracking-fixtures';

function setup() {
  const api = new FakeTrackingApi();
  TestBed.configureTestingModule({
    providers: [TrackingStore, FollowUpsStore, { provide: TrackingApi, useValue: api }],
  });
  return { store: TestBed.inject(TrackingStore), follow: TestBed.inject(FollowUpsStore), api };
}

describe('TrackingStore', () => {
  it('loads the first page of a customer’s records', () => {
    const { store, api } = setup();
    store.load('c7');
    expect(api.pages).toEqual([{ customerId: 'c7', page: 1 }]);
    expect(store.records()).toHaveLength(20);
    expect(store.hasMore()).toBe(true);
  });

  it('appends further pages until the last', () => {
    const { store, api } = setup();
    store.load('c7');
    store.loadMore();
    store.loadMore();
    expect(api.pages.map((p) => p.page)).toEqual([1, 2, 3]);
    expect(store.records()).toHaveLength(45);
    expect(store.hasMore()).toBe(false);
    store.loadMore();
    expect(api.pages).toHaveLength(3);
  });

  it('puts a new record on top and counts it', async () => {
    const { store, api } = setup();
    store.load('c7');
    const outcome = await store.create({ type: 'visit', content: 'Met at the fair' });
    expect(outcome.ok).toBe(true);
    expect(api.created).toEqual([{ type: 'visit', content: 'Met at the fair' }]);
    expect(store.records()[0].id).toBe('new');
    expect(store.meta().total).toBe(46);
  });

  it('keeps the timeline when the server refuses a record', async () => {
    const { store } = setup();
    store.load('c7');
    const outcome = await store.create({ type: 'note', content: '' });
    expect(outcome.ok).toBe(false);
    expect(store.records()).toHaveLength(20);
    expect(store.saveError()?.fieldErrors[0].field).toBe('content');
  });

  it('marks a follow-up done', async () => {
    const { store, api } = setup();
    store.load('c7');
    await store.markDone('r3');
    expect(api.updated).toEqual([{ id: 'r3', body: { done: true } }]);
    expect(store.records().find((r) => r.id === 'r3')?.done).toBe(true);
  });
});

describe('FollowUpsStore', () => {
  it('lists the due follow-ups and drops one once done', async () => {
    const { follow, api } = setup();
    follow.load();
    expect(follow.items().map((i) => i.customerName)).toEqual(['王小明', 'Acme']);
    await follow.markDone('d1');
    expect(api.updated[0]).toEqual({ id: 'd1', body: { done: true } });
    expect(follow.items().map((i) => i.id)).toEqual(['d2']);
  });
});
