import { TestBed } from '@angular/core/testing';
import { Observable, of, VirtualAction, VirtualTimeScheduler } from 'rxjs';
import { Paged } from '../shared/api/api-types';
import { Job, JobFile, JobsApi } from '../shared/api/jobs-api';
import { POLL_SCHEDULER } from '../shared/store/schedulers';
import { AuditApi, AuditEntry, AuditFilters } from './audit-api';
import { AuditStore } from './audit-store';

const job = (status: Job['status'], percent: number | null, error: string | null = null): Job => ({
  id: 'job-1',
  kind: 'audit.export',
  status,
  progress: { done: 0, total: null, percent },
  error,
  downloadable: status === 'succeeded',
  createdAt: '2026-11-29T00:00:00Z',
  finishedAt: null,
});

class FakeAuditApi {
  readonly exports: AuditFilters[] = [];
  list(): Observable<Paged<AuditEntry>> {
    return of({ data: [], meta: { total: 0, perPage: 20, currentPage: 1, lastPage: 1 } });
  }
  startExport(filters: AuditFilters): Observable<Job> {
    this.exports.push(filters);
    return of(job('queued', null));
  }
}

/** Answers each poll with the next state of the script. */
class ScriptedJobsApi extends JobsApi {
  constructor(private readonly states: Job[]) {
    super();
  }
  override get(): Observable<Job> {
    return of(this.states.shift() ?? job('running', 50));
  }
  override download(_id: string, fileName: string): Observable<JobFile> {
    return of({ blob: new Blob(['a,b\n']), fileName });
  }
}

function setup(states: Job[], maxFrames = Number.POSITIVE_INFINITY) {
  const scheduler = new VirtualTimeScheduler(VirtualAction, maxFrames);
  const audit = new FakeAuditApi();
  TestBed.configureTestingModule({
    providers: [
      AuditStore,
      { provide: AuditApi, useValue: audit },
      { provide: JobsApi, useFactory: () => new ScriptedJobsApi(states) },
      { provide: POLL_SCHEDULER, useValue: scheduler },
    ],
  });
  const store = TestBed.inject(AuditStore);
  TestBed.tick();
  return { store, scheduler, audit };
}

describe('AuditStore export', () => {
  it('follows the export job until it succeeded and then fetches its CSV', async () => {
    const { store, scheduler, audit } = setup([
      job('running', 10),
      job('running', 60),
      job('succeeded', 100),
    ]);
    store.applyFilters({
      actor: 'ada@acme.test',
      action: '',
      result: 'failure',
      from: null,
      to: null,
    });
    const exported = store.exportCsv();
    scheduler.flush();
    const outcome = await exported;
    expect(audit.exports).toEqual([
      { actor: 'ada@acme.test', action: '', result: 'failure', from: null, to: null },
    ]);
    expect(outcome.ok && outcome.value.fileName).toMatch(/^operation-log-.*\.csv$/);
    expect(store.saving()).toBe(false);
  });

  it('shows the progress of a running export', () => {
    const { store, scheduler } = setup(
      [job('running', 10), job('running', 60), job('running', 75)],
      2500,
    );
    void store.exportCsv();
    scheduler.flush();
    expect(store.saving()).toBe(true);
    expect(store.exportPercent()).toBe(75);
  });

  it('gives up on a job that never finishes', async () => {
    const { store, scheduler } = setup([]);
    const exported = store.exportCsv();
    scheduler.flush();
    const outcome = await exported;
    expect(!outcome.ok && outcome.error.code).toBe('E_JOB_TIMEOUT');
  });

  it('reports a failed export job as E_JOB_FAILED', async () => {
    const { store, scheduler } = setup([job('failed', null, 'permission audit.export missing')]);
    const exported = store.exportCsv();
    scheduler.flush();
    const outcome = await exported;
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error.code).toBe('E_JOB_FAILED');
    expect(store.saveError()?.code).toBe('E_JOB_FAILED');
  });
});
