import { Routes } from '@angular/router';
import { authRoutes } from './auth/auth.routes';
import { devMailboxRoutes } from './dev-mailbox/dev-mailbox.routes';
import { shellRoutes } from './shell/shell.routes';
import { signupRoutes } from './signup/signup.routes';

/** Public pages first, then the platform area, then the signed-in console (which catches the rest). */
export const routes: Routes = [
  ...authRoutes,
  ...signupRoutes,
  ...devMailboxRoutes,
  {
    path: 'call',
    loadChildren: () => import('./web-call/web-call.routes').then((m) => m.webCallRoutes),
  },
  {
    path: 'embed',
    loadChildren: () => import('./embed/embed.routes').then((m) => m.embedRoutes),
  },
  {
    path: 'platform',
    loadChildren: () => import('./platform/platform.routes').then((m) => m.platformRoutes),
  },
  ...shellRoutes,
];
