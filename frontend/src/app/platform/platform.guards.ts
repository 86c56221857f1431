import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { PlatformSession } from './platform-session';

/** Lets only a signed-in platform operator into the platform area. */
export const platformGuard: CanActivateFn = () =>
  inject(PlatformSession).signedIn() ? true : inject(Router).createUrlTree(['/platform/login']);
