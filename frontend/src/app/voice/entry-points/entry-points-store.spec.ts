import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { Observable, of, throwError } from 'rxjs';
import {
  EntryPoint,
  EntryPointChanges,
  EntryPointInput,
  IvrMenu,
  QueueRef,
  VoiceApi,
} from '../voice-api';
import { EntryPointsStore } from './entry-points-store';

const entry = (id: string, extra: Partial<EntryPoint> = {}): EntryPoint => ({
  id,
  kind: 'number',
  name: id,
  number: '+4930123456',
  widgetKey: null,
  allowedOrigins: [],
  target: { type: 'queue', queueId: 'q-sales' },
  language: 'en',
  enabled: true,
  sip: { trunkId: null, dispatchRuleId: null },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

/** The part of VoiceApi the entry points page uses, answering from memory. */
class FakeVoiceApi {
  failQueues = false;
  readonly saved: EntryPointInput[] = [];
  readonly changes: EntryPointChanges[] = [];
  entryPoints(): Observable<EntryPoint[]> {
    return of([
      entry('Website', { kind: 'web', number: null, widgetKey: 'wk1' }),
      entry('Hotline'),
    ]);
  }
  queues(): Observable<QueueRef[]> {
    if (this.failQueues) return throwError(() => new HttpErrorResponse({ status: 403 }));
    return of([{ id: 'q-sales', name: 'Sales' }]);
  }
  ivrMenus(): Observable<Pick<IvrMenu, 'id' | 'name'>[]> {
    return of([{ id: 'm-main', name: 'Main menu' }]);
  }
  createEntryPoint(body: EntryPointInput): Observable<EntryPoint> {
    this.saved.push(body);
    if (body.number === '+4930123456') {
      return throwError(
        () =>
          new HttpErrorResponse({
            status: 409,
            error: { error: { code: 'E_CONFLICT', message: 'This number is already in use' } },
          }),
      );
    }
    return of(
      entry('new', {
        ...body,
        number: body.number ?? null,
        widgetKey: body.kind === 'web' ? 'wk-new' : null,
        allowedOrigins: body.allowedOrigins ?? [],
      }),
    );
  }
  updateEntryPoint(id: string, body: EntryPointChanges): Observable<EntryPoint> {
    this.changes.push(body);
    return of(entry(id, { ...body, number: body.number ?? null }));
  }
  removeEntryPoint(): Observable<void> {
    return of(undefined);
  }
}

function setup(configure: (api: FakeVoiceApi) => void = () => {}) {
  const api = new FakeVoiceApi();
  configure(api);
  TestBed.configureTestingModule({
    providers: [EntryPointsStore, { provide: VoiceApi, useValue: api }],
  });
  const store = TestBed.inject(EntryPointsStore);
  TestBed.tick();
  return { store, api };
}

const web: EntryPointInput = {
  kind: 'web',
  name: 'Shop',
  allowedOrigins: ['https://shop.example'],
  target: { type: 'ivr', ivrMenuId: 'm-main' },
  language: 'en',
  enabled: true,
};

describe('EntryPointsStore', () => {
  it('lists numbers before web widgets', () => {
    const { store } = setup();
    expect(store.entryPoints().map((e) => e.name)).toEqual(['Hotline', 'Website']);
  });

  it('names the queue or menu an entry point leads to', () => {
    const { store } = setup();
    expect(store.targetName()({ type: 'queue', queueId: 'q-sales' })).toBe('Sales');
    expect(store.targetName()({ type: 'ivr', ivrMenuId: 'm-main' })).toBe('Main menu');
    expect(store.targetName()({ type: 'ivr', ivrMenuId: 'gone' })).toBe('');
  });

  it('still shows the entry points when the queues cannot be read', () => {
    const { store } = setup((api) => (api.failQueues = true));
    expect(store.entryPoints()).toHaveLength(2);
    expect(store.queues()).toEqual([]);
    expect(store.loadError()).toBeNull();
  });

  it('keeps a new web widget open in the drawer to show its embed snippet', async () => {
    const { store } = setup();
    store.openCreate();
    const outcome = await store.save(null, web);
    expect(outcome.ok).toBe(true);
    expect(store.edited()?.widgetKey).toBe('wk-new');
    expect(store.entryPoints().map((e) => e.name)).toContain('Shop');
  });

  it('closes the drawer after saving a number', async () => {
    const { store, api } = setup();
    store.openEdit(store.entryPoints()[0]!);
    await store.save('Hotline', {
      kind: 'number',
      name: 'Hotline DE',
      number: '030 1234567',
      target: { type: 'queue', queueId: 'q-sales' },
      language: 'en',
      enabled: false,
    });
    expect(store.drawerOpen()).toBe(false);
    expect(store.entryPoints()[0]?.name).toBe('Hotline DE');
    expect(api.changes[0]).not.toHaveProperty('kind');
  });

  it('reports a number already in use as a conflict', async () => {
    const { store } = setup();
    store.openCreate();
    const outcome = await store.save(null, {
      kind: 'number',
      name: 'Again',
      number: '+4930123456',
      target: { type: 'queue', queueId: 'q-sales' },
      language: 'en',
      enabled: true,
    });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.status).toBe(409);
    expect(store.drawerOpen()).toBe(true);
  });

  it('drops a deleted entry point', async () => {
    const { store } = setup();
    await store.remove(store.entryPoints()[1]!);
    expect(store.entryPoints().map((e) => e.name)).toEqual(['Hotline']);
  });
});
