import { Routes } from '@angular/router';
import { UsersStore } from './users-store';

/** Users administration (below the console shell). */
export const usersRoutes: Routes = [
  {
    path: '',
    title: 'titles.users',
    providers: [UsersStore],
    loadComponent: () => import('./users-page/users-page').then((m) => m.UsersPage),
  },
];
