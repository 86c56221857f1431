import { Routes } from '@angular/router';

/** Announcements (below the console shell): the inbox for everyone, posting for supervisors. */
export const announcementsRoutes: Routes = [
  {
    path: '',
    title: 'announcements.title',
    loadComponent: () =>
      import('./announcements-page/announcements-page').then((m) => m.AnnouncementsPage),
  },
];
