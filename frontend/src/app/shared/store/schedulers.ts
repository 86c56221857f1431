import { InjectionToken } from '@angular/core';
import { asyncScheduler, SchedulerLike } from 'rxjs';

/** Scheduler of debounced searches; tests provide a synchronous one. */
export const DEBOUNCE_SCHEDULER = new InjectionToken<SchedulerLike>('DEBOUNCE_SCHEDULER', {
  providedIn: 'root',
  factory: () => asyncScheduler,
});

/** Scheduler of polling (background jobs); tests provide a virtual one. */
export const POLL_SCHEDULER = new InjectionToken<SchedulerLike>('POLL_SCHEDULER', {
  providedIn: 'root',
  factory: () => asyncScheduler,
});
