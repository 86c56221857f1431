import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import { interval } from 'rxjs';
import { POLL_SCHEDULER } from '../store/schedulers';

/**
 * The current time as a signal ticking every second, for live timers (time in state, waiting
 * time, offer countdown). Provide it per page so that it stops when the page closes.
 */
@Injectable()
export class Clock {
  private readonly scheduler = inject(POLL_SCHEDULER);
  private readonly time = signal(this.scheduler.now());
  /** Milliseconds since the epoch, refreshed every second. */
  readonly now = this.time.asReadonly();

  constructor() {
    const ticks = interval(1000, this.scheduler).subscribe(() =>
      this.time.set(this.scheduler.now()),
    );
    inject(DestroyRef).onDestroy(() => ticks.unsubscribe());
  }
}
