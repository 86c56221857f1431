import { Routes } from '@angular/router';
import { platformGuard } from './platform.guards';
import { TenantsStore } from './tenants-store';

/** Platform operator area: its own login and the tenants table. */
export const platformRoutes: Routes = [
  {
    path: 'login',
    title: 'titles.platformLogin',
    loadComponent: () =>
      import('./platform-login-page/platform-login-page').then((m) => m.PlatformLoginPage),
  },
  {
    path: '',
    canActivate: [platformGuard],
    loadComponent: () => import('./platform-layout/platform-layout').then((m) => m.PlatformLayout),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'tenants' },
      {
        path: 'tenants',
        title: 'titles.platformTenants',
        providers: [TenantsStore],
        loadComponent: () => import('./tenants-page/tenants-page').then((m) => m.TenantsPage),
      },
    ],
  },
];
