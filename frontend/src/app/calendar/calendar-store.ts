import { computed, inject } from '@angular/core';
import {
  patchState,
  signalStore,
  withComputed,
  withHooks,
  withMethods,
  withState,
} from '@ngrx/signals';
import { rxMethod } from '@ngrx/signals/rxjs-interop';
import { catchError, forkJoin, of, pipe, switchMap, tap } from 'rxjs';
import { loadMethod, withLoad } from '../shared/store/with-load';
import { withMutation } from '../shared/store/with-mutation';
import { CalendarApi, Reminder, ReminderInput } from './calendar-api';
import { dayKey } from './lunar-day';

interface CalendarState {
  /** The first day of the month shown. */
  readonly month: Date;
  /** The day whose details the side panel shows. */
  readonly selected: Date;
  readonly reminders: Reminder[];
  /** Open reminders due by the end of today, overdue ones included. */
  readonly due: Reminder[];
  /** The reminder being edited, 'new' while one is added, null when the form is closed. */
  readonly editing: Reminder | 'new' | null;
}

/** The first day of the month of a date, at local midnight. */
export function monthOf(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), 1);
}

/** The range a month view shows: a week before its first day up to two weeks after its last. */
export function visibleRange(month: Date): { from: Date; to: Date } {
  return {
    from: new Date(month.getFullYear(), month.getMonth(), -6),
    to: new Date(month.getFullYear(), month.getMonth() + 1, 15),
  };
}

const byDue = (list: Reminder[]) =>
  [...list].sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id));

/** State of the calendar page: the month's reminders, the due ones, the selected day and the form. */
export const CalendarStore = signalStore(
  withState<CalendarState>({
    month: monthOf(new Date()),
    selected: new Date(),
    reminders: [],
    due: [],
    editing: null,
  }),
  withLoad(),
  withMutation(),
  withComputed((store) => ({
    /** Reminders grouped by their local day. */
    byDay: computed(() => {
      const days = new Map<string, Reminder[]>();
      for (const reminder of store.reminders()) {
        const key = dayKey(new Date(reminder.dueAt));
        days.set(key, [...(days.get(key) ?? []), reminder]);
      }
      return days;
    }),
  })),
  withComputed((store) => ({
    selectedReminders: computed(() => store.byDay().get(dayKey(store.selected())) ?? []),
  })),
  withMethods((store, api = inject(CalendarApi)) => {
    /** Puts a changed reminder where it belongs: the month list and the due list. */
    const apply = (reminder: Reminder): void => {
      const { from, to } = visibleRange(store.month());
      const due = new Date(reminder.dueAt);
      const others = store.reminders().filter((r) => r.id !== reminder.id);
      const reminders = due >= from && due < to ? byDue([...others, reminder]) : others;
      const endOfToday = new Date(new Date().setHours(24, 0, 0, 0));
      const dueOthers = store.due().filter((r) => r.id !== reminder.id);
      const dueList =
        !reminder.done && due < endOfToday ? byDue([...dueOthers, reminder]) : dueOthers;
      patchState(store, { reminders, due: dueList });
    };
    /** Shows another month (the calendar's header or a click on a day of another month). */
    const showMonth = rxMethod<Date>(
      pipe(
        tap((date) => patchState(store, { month: monthOf(date) })),
        switchMap((date) => {
          const { from, to } = visibleRange(monthOf(date));
          return api.list(from, to).pipe(catchError(() => of(null)));
        }),
        tap((reminders) => {
          if (reminders) patchState(store, { reminders });
        }),
      ),
    );
    return {
      load: loadMethod(
        store,
        (month: Date) => {
          const { from, to } = visibleRange(month);
          return forkJoin({ reminders: api.list(from, to), due: api.due() });
        },
        ({ reminders, due }) => patchState(store, { reminders, due }),
      ),
      showMonth,
      select(date: Date): void {
        patchState(store, { selected: date });
        if (monthOf(date).getTime() !== store.month().getTime()) showMonth(date);
      },
      openCreate(): void {
        patchState(store, { editing: 'new', saveError: null });
      },
      openEdit(reminder: Reminder): void {
        patchState(store, { editing: reminder, saveError: null });
      },
      closeEditor(): void {
        patchState(store, { editing: null });
      },
      async save(id: string | null, body: ReminderInput) {
        const outcome = await store.mutate(id ? api.update(id, body) : api.create(body));
        if (outcome.ok) {
          apply(outcome.value);
          patchState(store, { editing: null });
        }
        return outcome;
      },
      async setDone(reminder: Reminder, done: boolean) {
        const outcome = await store.mutate(api.update(reminder.id, { done }));
        if (outcome.ok) apply(outcome.value);
        return outcome;
      },
      async remove(reminder: Reminder) {
        const outcome = await store.mutate(api.remove(reminder.id));
        if (outcome.ok) {
          patchState(store, {
            reminders: store.reminders().filter((r) => r.id !== reminder.id),
            due: store.due().filter((r) => r.id !== reminder.id),
            editing: null,
          });
        }
        return outcome;
      },
    };
  }),
  withHooks({
    onInit(store) {
      store.load(store.month());
    },
  }),
);
