import { Routes } from '@angular/router';
import { Clock } from '../shared/time/clock';
import { AgentProfileStore } from './agent-profile-store';
import { AgentsStore } from './agents-store';

/** Supervisors' live view of the agents (below the console shell). */
export const agentsRoutes: Routes = [
  {
    path: '',
    title: 'titles.agents',
    providers: [AgentsStore, AgentProfileStore, Clock],
    loadComponent: () => import('./agents-page/agents-page').then((m) => m.AgentsPage),
  },
];
