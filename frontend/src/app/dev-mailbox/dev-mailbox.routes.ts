import { Routes } from '@angular/router';
import { DevMailboxStore } from './dev-mailbox-store';

/** Development mailbox, open without login. */
export const devMailboxRoutes: Routes = [
  {
    path: 'dev/mailbox',
    title: 'titles.devMailbox',
    providers: [DevMailboxStore],
    loadComponent: () =>
      import('./dev-mailbox-page/dev-mailbox-page').then((m) => m.DevMailboxPage),
  },
];
