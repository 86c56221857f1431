import { Routes } from '@angular/router';
import { guestGuard } from './auth.guards';

/** Public sign-in pages. */
export const authRoutes: Routes = [
  {
    path: 'login',
    title: 'titles.login',
    canActivate: [guestGuard],
    loadComponent: () => import('./login-page/login-page').then((m) => m.LoginPage),
  },
  {
    path: 'forgot-password',
    title: 'titles.forgotPassword',
    loadComponent: () =>
      import('./forgot-password-page/forgot-password-page').then((m) => m.ForgotPasswordPage),
  },
  {
    path: 'reset-password',
    title: 'titles.resetPassword',
    loadComponent: () =>
      import('./reset-password-page/reset-password-page').then((m) => m.ResetPasswordPage),
  },
];

/** The signed-in user's own profile, shown inside the console shell. */
export const profileRoutes: Routes = [
  {
    path: 'profile',
    title: 'titles.profile',
    loadComponent: () => import('./profile-page/profile-page').then((m) => m.ProfilePage),
  },
];
