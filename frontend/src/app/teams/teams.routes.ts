import { Routes } from '@angular/router';
import { TeamsStore } from './teams-store';

/** Teams administration (below the console shell). */
export const teamsRoutes: Routes = [
  {
    path: '',
    title: 'titles.teams',
    providers: [TeamsStore],
    loadComponent: () => import('./teams-page/teams-page').then((m) => m.TeamsPage),
  },
];
