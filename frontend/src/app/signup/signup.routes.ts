import { Routes } from '@angular/router';
import { guestGuard } from '../auth/auth.guards';

/** Public "create your organisation" page. */
export const signupRoutes: Routes = [
  {
    path: 'signup',
    title: 'titles.signup',
    canActivate: [guestGuard],
    loadComponent: () => import('./signup-page/signup-page').then((m) => m.SignupPage),
  },
];
