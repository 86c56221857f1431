import { Routes } from '@angular/router';
import { Clock } from '../shared/time/clock';
import { QueuesStore } from './queues-store';

/** Queues and skills of the contact center (below the console shell). */
export const queuesRoutes: Routes = [
  {
    path: '',
    title: 'titles.queues',
    providers: [QueuesStore, Clock],
    loadComponent: () => import('./queues-page/queues-page').then((m) => m.QueuesPage),
  },
];
