import { Routes } from '@angular/router';
import { SettingsStore } from './settings-store';

/** Tenant settings and certificate authorities (below the console shell). */
export const settingsRoutes: Routes = [
  {
    path: '',
    title: 'titles.settings',
    providers: [SettingsStore],
    loadComponent: () => import('./settings-page/settings-page').then((m) => m.SettingsPage),
  },
];
