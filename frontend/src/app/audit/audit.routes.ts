import { Routes } from '@angular/router';
import { AuditStore } from './audit-store';

/** Operation log (below the console shell). */
export const auditRoutes: Routes = [
  {
    path: '',
    title: 'titles.audit',
    providers: [AuditStore],
    loadComponent: () => import('./audit-page/audit-page').then((m) => m.AuditPage),
  },
];
