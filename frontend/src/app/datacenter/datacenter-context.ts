import { inject, InjectionToken } from '@angular/core';
import { Store } from '@ngrx/store';
import { authFeature } from '../auth/auth.reducer';

/** The organisation's time zone, in which presets and day/hour keys are meant; tests provide a fixed one. */
export const ORG_TIME_ZONE = new InjectionToken<() => string>('ORG_TIME_ZONE', {
  providedIn: 'root',
  factory: () => {
    const tenant = inject(Store).selectSignal(authFeature.selectTenant);
    return () => tenant()?.timeZone ?? 'UTC';
  },
});

/** The current instant; tests provide a fixed one. */
export const NOW = new InjectionToken<() => Date>('NOW', {
  providedIn: 'root',
  factory: () => () => new Date(),
});
