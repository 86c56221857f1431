import { TestBed } from '@angular/core/testing';
import { VirtualTimeScheduler } from 'rxjs';
import { JOB_POLL_MS } from '../../shared/api/jobs-api';
import { POLL_SCHEDULER } from '../../shared/store/schedulers';
import { FakeClassificationApi, reclassifyJob } from '../testing/classification-fixtures';
import { unprocessable } from '../testing/customer-fixtures';
import { ClassificationApi } from './classification-api';
import { isRunning, ReclassifyStore } from './reclassify-store';

function setup() {
  const api = new FakeClassificationApi();
  const scheduler = new VirtualTimeScheduler();
  TestBed.configureTestingModule({
    providers: [
      ReclassifyStore,
      { provide: ClassificationApi, useValue: api },
      { provide: POLL_SCHEDULER, useValue: scheduler },
    ],
  });
  return { store: TestBed.inject(ReclassifyStore), api, scheduler };
}

describe('ReclassifyStore', () => {
  it('starts the job for the segment and follows its progress until it has finished', async () => {
    const { store, api, scheduler } = setup();
    api.jobStates = [
      reclassifyJob('running', 4, 10),
      reclassifyJob('running', 8, 10),
      reclassifyJob('succeeded', 9, 10),
    ];
    const outcome = await store.start(
      { segmentId: 's1' },
      { addCategoryIds: ['b'], status: 'inactive' },
    );
    expect(outcome.ok).toBe(true);
    expect(api.calls[0]).toEqual([
      'reclassify',
      { segmentId: 's1' },
      { addCategoryIds: ['b'], status: 'inactive' },
    ]);
    expect(isRunning(store.job())).toBe(true);

    scheduler.maxFrames = JOB_POLL_MS;
    scheduler.flush();
    expect(store.job()?.progress.percent).toBe(40);
    scheduler.maxFrames = 10 * JOB_POLL_MS;
    scheduler.flush();
    expect(store.job()?.status).toBe('succeeded');
    expect(store.job()?.result).toEqual({ matched: 10, reached: 10, changed: 9 });
    expect(isRunning(store.job())).toBe(false);
    expect(api.calls.filter(([name]) => name === 'job')).toHaveLength(3);
  });

  it('hands a refused start back to the form and starts nothing', async () => {
    const { store, api } = setup();
    api.failNext = unprocessable([
      { field: 'changes', rule: 'required', message: 'Choose at least one change' },
    ]);
    const outcome = await store.start({ filters: { tag: 'vip' } }, {});
    expect(outcome.ok).toBe(false);
    expect(store.saveError()?.fieldErrors[0].field).toBe('changes');
    expect(store.job()).toBeNull();
  });

  it('forgets the last job when the dialog opens again', async () => {
    const { store } = setup();
    await store.start({ segmentId: 's1' }, { addTags: ['promo'] });
    store.reset();
    expect(store.job()).toBeNull();
    expect(store.saveError()).toBeNull();
  });
});
