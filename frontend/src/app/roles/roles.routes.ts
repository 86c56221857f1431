import { Routes } from '@angular/router';
import { RolesStore } from './roles-store';

/** Roles administration (below the console shell). */
export const rolesRoutes: Routes = [
  {
    path: '',
    title: 'titles.roles',
    providers: [RolesStore],
    loadComponent: () => import('./roles-page/roles-page').then((m) => m.RolesPage),
  },
];
