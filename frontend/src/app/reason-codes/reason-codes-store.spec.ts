import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { Observable, of, throwError } from 'rxjs';
import { ReasonCode, ReasonCodeChanges, ReasonCodeInput, ReasonCodesApi } from './reason-codes-api';
import { ReasonCodesStore } from './reason-codes-store';

const code = (id: string, position: number, extra: Partial<ReasonCode> = {}): ReasonCode => ({
  id,
  code: id,
  label: id,
  active: true,
  position,
  ...extra,
});

/** A ReasonCodesApi answering from memory. */
class FakeReasonCodesApi {
  codes: ReasonCode[] = [code('lunch', 2), code('break', 1)];
  readonly created: ReasonCodeInput[] = [];
  readonly updated: [string, ReasonCodeChanges][] = [];
  list(): Observable<ReasonCode[]> {
    return of(this.codes);
  }
  create(body: ReasonCodeInput): Observable<ReasonCode> {
    this.created.push(body);
    if (body.code === 'break') {
      return throwError(
        () =>
          new HttpErrorResponse({
            status: 422,
            error: { errors: [{ field: 'code', rule: 'unique', message: 'Already exists' }] },
          }),
      );
    }
    return of({ id: 'new', ...body });
  }
  update(id: string, body: ReasonCodeChanges): Observable<ReasonCode> {
    this.updated.push([id, body]);
    return of({ id, code: id, ...body });
  }
  remove(): Observable<void> {
    return of(undefined);
  }
}

function setup() {
  const api = new FakeReasonCodesApi();
  TestBed.configureTestingModule({
    providers: [ReasonCodesStore, { provide: ReasonCodesApi, useValue: api }],
  });
  const store = TestBed.inject(ReasonCodesStore);
  TestBed.tick();
  return { store, api };
}

describe('ReasonCodesStore', () => {
  it('lists the codes in the order agents see them', () => {
    const { store } = setup();
    expect(store.codes().map((c) => c.code)).toEqual(['break', 'lunch']);
  });

  it('puts a new code after the last one by default', () => {
    const { store } = setup();
    expect(store.nextPosition()).toBe(3);
  });

  it('adds a created code in its place and closes the drawer', async () => {
    const { store } = setup();
    store.openCreate();
    const outcome = await store.save(null, {
      code: 'meeting',
      label: 'Meeting',
      active: true,
      position: 0,
    });
    expect(outcome.ok).toBe(true);
    expect(store.codes().map((c) => c.code)).toEqual(['meeting', 'break', 'lunch']);
    expect(store.drawerOpen()).toBe(false);
  });

  it('never sends the code when editing, since it cannot change', async () => {
    const { store, api } = setup();
    await store.save('lunch', { code: 'renamed', label: 'Long lunch', active: true, position: 5 });
    expect(api.updated).toEqual([['lunch', { label: 'Long lunch', active: true, position: 5 }]]);
    expect(store.codes().find((c) => c.id === 'lunch')?.label).toBe('Long lunch');
  });

  it('keeps the drawer open with the error when the code is taken', async () => {
    const { store } = setup();
    store.openCreate();
    const outcome = await store.save(null, {
      code: 'break',
      label: 'Break',
      active: true,
      position: 3,
    });
    expect(outcome.ok).toBe(false);
    expect(store.drawerOpen()).toBe(true);
    expect(store.saveError()?.fieldErrors[0]?.field).toBe('code');
  });

  it('switches a code off from the table', async () => {
    const { store, api } = setup();
    const lunch = store.codes()[1]!;
    await store.setActive(lunch, false);
    expect(api.updated[0]).toEqual(['lunch', { label: 'lunch', position: 2, active: false }]);
    expect(store.codes()[1]?.active).toBe(false);
  });

  it('drops a deleted code from the table', async () => {
    const { store } = setup();
    await store.remove(store.codes()[0]!);
    expect(store.codes().map((c) => c.code)).toEqual(['lunch']);
  });
});
