import { Routes } from '@angular/router';
import { EmbeddedAppsAdminStore } from './embedded-apps-admin-store';

/** The third-party apps framed in the agent workspace (below the console shell). */
export const embeddedAppsAdminRoutes: Routes = [
  {
    path: '',
    title: 'embeddedAppsAdmin.title',
    providers: [EmbeddedAppsAdminStore],
    loadComponent: () =>
      import('./embedded-apps-admin-page/embedded-apps-admin-page').then(
        (m) => m.EmbeddedAppsAdminPage,
      ),
  },
];
