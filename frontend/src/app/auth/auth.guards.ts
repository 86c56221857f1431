import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { Store } from '@ngrx/store';
import { combineLatest, filter, map, Observable, take } from 'rxjs';
import { authFeature, hasAnyPermission, SessionStatus } from './auth.reducer';

/** Emits the session status once a remembered token has been checked. */
function settledStatus(store: Store): Observable<SessionStatus> {
  return store.select(authFeature.selectStatus).pipe(
    filter((status) => status !== 'restoring'),
    take(1),
  );
}

/** Lets only signed-in users through; others go to /login and come back afterwards. */
export const authGuard: CanActivateFn = (_route, state) => {
  const router = inject(Router);
  return settledStatus(inject(Store)).pipe(
    map((status) =>
      status === 'authenticated'
        ? true
        : router.createUrlTree(['/login'], { queryParams: { returnUrl: state.url } }),
    ),
  );
};

/** Keeps signed-in users away from login and signup. */
export const guestGuard: CanActivateFn = () => {
  const router = inject(Router);
  return settledStatus(inject(Store)).pipe(
    map((status) => (status === 'authenticated' ? router.createUrlTree(['/']) : true)),
  );
};

/** Lets through users holding one of the route's `data.permissions`. */
export const permissionGuard: CanActivateFn = (route) => {
  const router = inject(Router);
  const store = inject(Store);
  const required = route.data['permissions'] as string[] | undefined;
  return combineLatest([settledStatus(store), store.select(authFeature.selectPermissionSet)]).pipe(
    take(1),
    map(([, granted]) =>
      hasAnyPermission(granted, required) ? true : router.createUrlTree(['/forbidden']),
    ),
  );
};
