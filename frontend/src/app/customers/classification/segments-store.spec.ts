import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { Subject, VirtualTimeScheduler } from 'rxjs';
import { DEBOUNCE_SCHEDULER } from '../../shared/store/schedulers';
import { FakeClassificationApi, segment } from '../testing/classification-fixtures';
import { ClassificationApi, SegmentRules } from './classification-api';
import { SegmentsStore } from './segments-store';

function setup() {
  const api = new FakeClassificationApi();
  const scheduler = new VirtualTimeScheduler();
  TestBed.configureTestingModule({
    providers: [
      SegmentsStore,
      { provide: ClassificationApi, useValue: api },
      { provide: DEBOUNCE_SCHEDULER, useValue: scheduler },
    ],
  });
  const store = TestBed.inject(SegmentsStore);
  TestBed.tick();
  return { store, api, scheduler };
}

const VIP: SegmentRules = {
  match: 'all',
  conditions: [{ field: 'tags', operator: 'hasAny', value: ['vip'] }],
};

describe('SegmentsStore', () => {
  it('lists the segments by name with their live counts', () => {
    const { store } = setup();
    expect(store.segments().map((s) => [s.name, s.memberCount])).toEqual([
      ['alpha', 7],
      ['zeta', 3],
    ]);
  });

  it('saves a new segment, closes the editor and keeps the list sorted', async () => {
    const { store, api } = setup();
    store.openCreate();
    expect(store.drawerOpen()).toBe(true);
    const outcome = await store.save(null, { name: 'beta', description: null, rules: VIP });
    expect(outcome.ok).toBe(true);
    expect(api.calls[0]).toEqual([
      'createSegment',
      { name: 'beta', description: null, rules: VIP },
    ]);
    expect(store.segments().map((s) => s.name)).toEqual(['alpha', 'beta', 'zeta']);
    expect(store.drawerOpen()).toBe(false);
  });

  it('changes and removes a segment', async () => {
    const { store } = setup();
    store.openEdit(segment('zeta'));
    expect(store.previewCount()).toBe(3);
    await store.save('zeta', { name: 'omega', description: 'x', rules: VIP });
    expect(store.segments().map((s) => s.name)).toEqual(['alpha', 'omega']);
    await store.remove(store.segments()[0]);
    expect(store.segments().map((s) => s.name)).toEqual(['omega']);
  });

  it('counts the rules being edited only once editing pauses, and the newest rules win', () => {
    const { store, api, scheduler } = setup();
    const answers = new Subject<number>();
    api.previewAnswers = answers;
    store.preview({ match: 'all', conditions: [] });
    store.preview(VIP);
    scheduler.flush();
    expect(api.calls.filter(([name]) => name === 'preview')).toEqual([['preview', VIP]]);
    answers.next(12);
    expect(store.previewCount()).toBe(12);
    expect(store.previewError()).toBeNull();
  });

  it('shows a failed count as an error, not as zero', () => {
    const { store, api, scheduler } = setup();
    api.failNext = new HttpErrorResponse({ status: 500 });
    store.preview(VIP);
    scheduler.flush();
    expect(store.previewCount()).toBeNull();
    expect(store.previewError()).not.toBeNull();
  });
});
