import { Routes } from '@angular/router';
import { Clock } from '../shared/time/clock';
import { AgentsStore } from './agents-store';

/** Supervisors' live view of the agents (below the console shell). */
export const agentsRoutes: Routes = [
  {
    path: '',
    title: 'titles.agents',
    providers: [AgentsStore, Clock],
    loadComponent: () => import('./agents-page/agents-page').then((m) => m.AgentsPage),
  },
];
