import { Routes } from '@angular/router';

/**
 * Reverse mode: the agent's call bar alone, framed by a third-party page (a CRM) that drives it
 * through the agent SDK. Outside the console shell; the agent signs in inside the frame.
 */
export const embedRoutes: Routes = [
  {
    path: ':slug/callbar',
    title: 'embed.title',
    loadComponent: () => import('./embed-page/embed-page').then((m) => m.EmbedPage),
  },
];
