import { HttpHeaders, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { createEnvironmentInjector, EnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { VirtualAction, VirtualTimeScheduler } from 'rxjs';
import { POLL_SCHEDULER } from '../../shared/store/schedulers';
import { CustomerImportStore } from './customer-import-store';
import { CustomerImport, ImportPreview } from './customer-imports-api';

const BASE = '/api/v1/customers/imports';

/** An import as the API answers it: a three-column CSV, name and phone guessed. */
const imported = (extra: Partial<CustomerImport> = {}): CustomerImport => ({
  id: 'imp-1',
  fileName: '客户.csv',
  format: 'csv',
  encoding: 'gb18030',
  status: 'uploaded',
  headers: ['姓名', '手机', '等级'],
  sampleRows: [
    ['王小明', '13800138000', 'A'],
    ['李雷', '12345', 'B'],
  ],
  totalRows: 6,
  mapping: [
    { column: 0, target: 'name' },
    { column: 1, target: 'phone' },
  ],
  dedupe: { keys: ['phone', 'email', 'idNumber'], policy: 'skip' },
  defaultOwnerId: null,
  progress: { done: 0, total: 6, percent: 0 },
  counts: { created: 0, updated: 0, skipped: 0, failed: 0 },
  jobId: null,
  error: null,
  canResume: false,
  canRollback: false,
  reportAvailable: false,
  createdAt: '2026-11-29T08:00:00.000Z',
  finishedAt: null,
  createdBy: 'u-ada',
  createdByName: 'Ada',
  ...extra,
});

const preview: ImportPreview = {
  rows: [
    {
      row: 1,
      action: 'create',
      values: { name: '王小明', phone: '+8613800138000' },
      errors: [],
      matchedCustomerId: null,
    },
    {
      row: 2,
      action: 'fail',
      values: { name: '李雷', phone: '12345' },
      errors: [{ field: 'phone', message: 'Not a valid phone number' }],
      matchedCustomerId: null,
    },
  ],
  summary: { create: 5, update: 0, skip: 0, fail: 1 },
};

/** Lets `ms` of virtual time pass on the poll scheduler. */
function advance(scheduler: VirtualTimeScheduler, ms: number): void {
  scheduler.maxFrames = scheduler.frame + ms;
  scheduler.flush();
}

function setup() {
  const poll = new VirtualTimeScheduler(VirtualAction, 0);
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: POLL_SCHEDULER, useValue: poll },
    ],
  });
  // The store lives in its own injector, as it does in the wizard page, so a test can end it.
  const injector = createEnvironmentInjector(
    [CustomerImportStore],
    TestBed.inject(EnvironmentInjector),
  );
  const store = injector.get(CustomerImportStore);
  const backend = TestBed.inject(HttpTestingController);
  return { store, backend, poll, injector };
}

/** Uploads the file and answers as the API does. */
async function upload(
  store: InstanceType<typeof CustomerImportStore>,
  backend: HttpTestingController,
) {
  const file = new File(['姓名,手机,等级\n王小明,13800138000,A\n'], '客户.csv', {
    type: 'text/csv',
  });
  const uploading = store.upload(file);
  const request = backend.expectOne({ method: 'POST', url: BASE });
  expect((request.request.body as FormData).get('file')).toBeInstanceOf(File);
  request.flush({ data: imported() }, { status: 201, statusText: 'Created' });
  return uploading;
}

afterEach(() => TestBed.inject(HttpTestingController).verify());

describe('CustomerImportStore', () => {
  it('uploads, saves the mapping, previews, runs and follows the job until it succeeded', async () => {
    const { store, backend, poll } = setup();
    expect((await upload(store, backend)).ok).toBe(true);
    expect(store.step()).toBe('upload');
    expect(store.current()?.encoding).toBe('gb18030');
    expect(store.targets()).toEqual(['name', 'phone', 'ignore']);

    store.goToMapping();
    expect(store.step()).toBe('mapping');
    store.setTarget(2, 'custom:tier');
    store.toggleDedupeKey('idNumber', false);
    store.setPolicy('update');
    store.setDefaultOwner('u-ada');
    const saving = store.saveMapping();
    const patch = backend.expectOne({ method: 'PATCH', url: `${BASE}/imp-1` });
    expect(patch.request.body).toEqual({
      mapping: [
        { column: 0, target: 'name' },
        { column: 1, target: 'phone' },
        { column: 2, target: 'custom:tier' },
      ],
      dedupe: { keys: ['phone', 'email'], policy: 'update' },
      defaultOwnerId: 'u-ada',
    });
    patch.flush({ data: imported({ mapping: patch.request.body.mapping }) });
    expect((await saving)?.ok).toBe(true);

    expect(store.step()).toBe('preview');
    expect(store.loading()).toBe(true);
    backend.expectOne({ method: 'POST', url: `${BASE}/imp-1/preview` }).flush({ data: preview });
    expect(store.preview()?.summary).toEqual({ create: 5, update: 0, skip: 0, fail: 1 });
    expect(store.loading()).toBe(false);

    const running = store.run();
    backend
      .expectOne({ method: 'POST', url: `${BASE}/imp-1/run` })
      .flush(
        { data: imported({ status: 'queued', jobId: 'job-1' }) },
        { status: 202, statusText: 'Accepted' },
      );
    expect((await running)?.ok).toBe(true);
    expect(store.step()).toBe('result');
    expect(store.moving()).toBe(true);

    advance(poll, 1000);
    backend.expectOne(`${BASE}/imp-1`).flush({
      data: imported({ status: 'running', progress: { done: 3, total: 6, percent: 50 } }),
    });
    expect(store.percent()).toBe(50);

    advance(poll, 1000);
    const counts = { created: 5, updated: 0, skipped: 0, failed: 1 };
    backend.expectOne(`${BASE}/imp-1`).flush({
      data: imported({
        status: 'succeeded',
        progress: { done: 6, total: 6, percent: 100 },
        counts,
        reportAvailable: true,
        canRollback: true,
      }),
    });
    expect(store.percent()).toBe(100);
    expect(store.moving()).toBe(false);
    expect(store.current()?.counts).toEqual(counts);

    // A finished import is not asked again.
    advance(poll, 5000);
    backend.expectNone(`${BASE}/imp-1`);
  });

  it('shows the 422 of a refused mapping on the step and on the column it names', async () => {
    const { store, backend } = setup();
    await upload(store, backend);
    store.goToMapping();
    store.setTarget(2, 'notes');
    const saving = store.saveMapping();
    backend.expectOne({ method: 'PATCH', url: `${BASE}/imp-1` }).flush(
      {
        errors: [
          { field: 'mapping.2.target', rule: 'in', message: 'Notes cannot be imported here' },
          { field: 'mapping', rule: 'required', message: 'Map a column to the name' },
        ],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    const outcome = await saving;
    expect(outcome?.ok).toBe(false);
    expect(store.step()).toBe('mapping');
    expect(store.saveError()?.status).toBe(422);
    expect(store.saveError()?.fieldErrors.map((e) => e.field)).toEqual([
      'mapping.2.target',
      'mapping',
    ]);
    expect(store.columnErrors()).toEqual({ 2: 'Notes cannot be imported here' });

    // Choosing another target for the column clears its message.
    store.setTarget(2, 'ignore');
    expect(store.columnErrors()).toEqual({});
  });

  it('does not send a mapping without a name column or with a single-use target twice', async () => {
    const { store, backend } = setup();
    await upload(store, backend);
    store.setTarget(0, 'ignore');
    expect(store.problems().nameMissing).toBe(true);
    expect(await store.saveMapping()).toBeNull();

    store.setTarget(0, 'name');
    store.setTarget(2, 'name');
    expect(store.problems().repeated).toEqual(['name']);
    expect(store.mappingValid()).toBe(false);
    expect(await store.saveMapping()).toBeNull();

    store.setTarget(2, 'phone');
    expect(store.mappingValid()).toBe(true);
    backend.expectNone({ method: 'PATCH', url: `${BASE}/imp-1` });
  });

  it('reads the file again with another encoding', async () => {
    const { store, backend } = setup();
    await upload(store, backend);
    const changing = store.changeEncoding('utf-8');
    const patch = backend.expectOne({ method: 'PATCH', url: `${BASE}/imp-1` });
    expect(patch.request.body).toEqual({ encoding: 'utf-8' });
    patch.flush({ data: imported({ encoding: 'utf-8', headers: ['a', 'b'], mapping: [] }) });
    await changing;
    expect(store.targets()).toEqual(['ignore', 'ignore']);
    expect(store.problems().nameMissing).toBe(true);
  });

  it('opens a failed import on its result, resumes it and rolls it back', async () => {
    const { store, backend, poll } = setup();
    store.open('imp-1');
    backend.expectOne(`${BASE}/imp-1`).flush({
      data: imported({
        status: 'failed',
        error: 'Database connection lost',
        progress: { done: 3, total: 6, percent: 50 },
        canResume: true,
        canRollback: true,
      }),
    });
    expect(store.step()).toBe('result');
    expect(store.moving()).toBe(false);
    advance(poll, 3000);
    backend.expectNone(`${BASE}/imp-1`);

    const resuming = store.resume();
    backend.expectOne({ method: 'POST', url: `${BASE}/imp-1/resume` }).flush({
      data: imported({ status: 'queued', progress: { done: 3, total: 6, percent: 50 } }),
    });
    expect((await resuming)?.ok).toBe(true);
    advance(poll, 1000);
    backend.expectOne(`${BASE}/imp-1`).flush({
      data: imported({
        status: 'succeeded',
        progress: { done: 6, total: 6, percent: 100 },
        canRollback: true,
      }),
    });
    expect(store.current()?.status).toBe('succeeded');

    const rollingBack = store.rollback();
    backend.expectOne({ method: 'POST', url: `${BASE}/imp-1/rollback` }).flush({
      data: imported({ status: 'rolling_back', progress: { done: 0, total: 6, percent: 0 } }),
    });
    await rollingBack;
    expect(store.moving()).toBe(true);
    advance(poll, 1000);
    backend.expectOne(`${BASE}/imp-1`).flush({ data: imported({ status: 'rolled_back' }) });
    expect(store.current()?.status).toBe('rolled_back');
    expect(store.percent()).toBe(100);
    advance(poll, 3000);
    backend.expectNone(`${BASE}/imp-1`);
  });

  it('keeps polling through a failed poll', async () => {
    const { store, backend, poll } = setup();
    await upload(store, backend);
    const running = store.run();
    backend.expectOne(`${BASE}/imp-1/run`).flush({ data: imported({ status: 'running' }) });
    await running;
    advance(poll, 1000);
    backend.expectOne(`${BASE}/imp-1`).flush(null, { status: 503, statusText: 'Unavailable' });
    advance(poll, 1000);
    backend.expectOne(`${BASE}/imp-1`).flush({ data: imported({ status: 'succeeded' }) });
    expect(store.current()?.status).toBe('succeeded');
  });

  it('stops polling when the page (and its store) goes away', async () => {
    const { store, backend, poll, injector } = setup();
    await upload(store, backend);
    const running = store.run();
    backend.expectOne(`${BASE}/imp-1/run`).flush({ data: imported({ status: 'running' }) });
    await running;
    injector.destroy();
    advance(poll, 5000);
    backend.expectNone(`${BASE}/imp-1`);
  });

  it('downloads the report with the name the server gives it', async () => {
    const { store, backend } = setup();
    await upload(store, backend);
    const downloading = store.downloadReport();
    const request = backend.expectOne(`${BASE}/imp-1/report`);
    expect(request.request.responseType).toBe('blob');
    request.flush(new Blob(['\uFEFFRow,Action,Field,Error\n']), {
      headers: new HttpHeaders({
        'Content-Disposition': 'attachment; filename="imp-1-report.csv"',
      }),
    });
    const outcome = await downloading;
    expect(outcome.ok && outcome.value.fileName).toBe('imp-1-report.csv');
  });

  it('prefers the UTF-8 name of the report, which keeps Chinese file names', async () => {
    const { store, backend } = setup();
    await upload(store, backend);
    const downloading = store.downloadReport();
    backend.expectOne(`${BASE}/imp-1/report`).flush(new Blob(['\uFEFF']), {
      headers: new HttpHeaders({
        'Content-Disposition': `attachment; filename="report.csv"; filename*=UTF-8''${encodeURIComponent('客户-报告.csv')}`,
      }),
    });
    const outcome = await downloading;
    expect(outcome.ok && outcome.value.fileName).toBe('客户-报告.csv');
  });

  it('says why a report cannot be downloaded yet', async () => {
    const { store, backend } = setup();
    await upload(store, backend);
    const downloading = store.downloadReport();
    const body = new Blob([
      JSON.stringify({ error: { code: 'E_CONFLICT', message: 'Still running' } }),
    ]);
    backend.expectOne(`${BASE}/imp-1/report`).flush(body, { status: 409, statusText: 'Conflict' });
    const outcome = await downloading;
    expect(!outcome.ok && outcome.error.code).toBe('E_CONFLICT');
  });
});
