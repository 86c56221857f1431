import { TestBed } from '@angular/core/testing';
import { Observable, of } from 'rxjs';
import { CalendarApi, Reminder, ReminderInput } from './calendar-api';
import { CalendarStore, monthOf, visibleRange } from './calendar-store';

const reminder = (id: string, dueAt: string, extra: Partial<Reminder> = {}): Reminder => ({
  id,
  title: `Reminder ${id}`,
  note: null,
  dueAt,
  customerId: null,
  customerName: null,
  done: false,
  doneAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

/** A CalendarApi answering from memory and recording the ranges asked for. */
class FakeCalendarApi {
  ranges: Array<[Date, Date]> = [];
  overdue = reminder('r-overdue', new Date(Date.now() - 3_600_000).toISOString());
  list(from: Date, to: Date): Observable<Reminder[]> {
    this.ranges.push([from, to]);
    return of([this.overdue]);
  }
  due(): Observable<Reminder[]> {
    return of([this.overdue]);
  }
  create(body: ReminderInput): Observable<Reminder> {
    return of(reminder('r-new', body.dueAt!, { title: body.title! }));
  }
  update(id: string, body: ReminderInput): Observable<Reminder> {
    return of({ ...this.overdue, id, done: body.done ?? false });
  }
  remove(): Observable<void> {
    return of(undefined);
  }
}

function setup() {
  const api = new FakeCalendarApi();
  TestBed.configureTestingModule({
    providers: [CalendarStore, { provide: CalendarApi, useValue: api }],
  });
  const store = TestBed.inject(CalendarStore);
  TestBed.tick();
  return { store, api };
}

describe('CalendarStore', () => {
  it('covers the weeks around the month a month view shows', () => {
    const { from, to } = visibleRange(new Date(2026, 1, 1));
    expect(from).toEqual(new Date(2026, 0, 25));
    expect(to).toEqual(new Date(2026, 2, 15));
  });

  it('loads the month and the due reminders, grouped by local day', () => {
    const { store, api } = setup();
    expect(api.ranges).toHaveLength(1);
    expect(store.due().map((r) => r.id)).toEqual(['r-overdue']);
    expect(store.selectedReminders().map((r) => r.id)).toEqual(
      new Date(api.overdue.dueAt).toDateString() === new Date().toDateString() ? ['r-overdue'] : [],
    );
  });

  it('loads another month when a day of it is selected, not for a day of the same month', () => {
    const { store, api } = setup();
    const today = new Date();
    store.select(new Date(today.getFullYear(), today.getMonth(), today.getDate() === 1 ? 2 : 1));
    expect(api.ranges).toHaveLength(1);
    store.select(new Date(today.getFullYear(), today.getMonth() + 2, 10));
    expect(api.ranges).toHaveLength(2);
    expect(store.month()).toEqual(monthOf(new Date(today.getFullYear(), today.getMonth() + 2, 10)));
  });

  it('marking a due reminder done takes it off the due list', async () => {
    const { store } = setup();
    await store.setDone(store.due()[0]!, true);
    expect(store.due()).toEqual([]);
  });

  it('adds a new reminder on its day and closes the form', async () => {
    const { store } = setup();
    const day = new Date(2030, 4, 20);
    store.select(day);
    store.openCreate();
    const outcome = await store.save(null, {
      title: 'Call back',
      dueAt: new Date(2030, 4, 20, 9).toISOString(),
    });
    expect(outcome.ok).toBe(true);
    expect(store.editing()).toBeNull();
    expect(store.selectedReminders().map((r) => r.title)).toEqual(['Call back']);
  });
});
