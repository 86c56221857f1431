import { Routes } from '@angular/router';
import { authGuard, permissionGuard } from '../auth/auth.guards';
import { profileRoutes } from '../auth/auth.routes';

/** The signed-in console: the shell layout and every admin module inside it. */
export const shellRoutes: Routes = [
  {
    path: '',
    canActivate: [authGuard],
    loadComponent: () => import('./shell-layout/shell-layout').then((m) => m.ShellLayout),
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'titles.home',
        loadComponent: () => import('./home-page/home-page').then((m) => m.HomePage),
      },
      {
        path: 'workspace',
        canActivate: [permissionGuard],
        data: { permissions: ['calls.handle'] },
        loadChildren: () => import('../workspace/workspace.routes').then((m) => m.workspaceRoutes),
      },
      {
        path: 'announcements',
        loadChildren: () =>
          import('../announcements/announcements.routes').then((m) => m.announcementsRoutes),
      },
      {
        path: 'calendar',
        loadChildren: () => import('../calendar/calendar.routes').then((m) => m.calendarRoutes),
      },
      {
        path: 'agents',
        canActivate: [permissionGuard],
        data: { permissions: ['agents.view'] },
        loadChildren: () => import('../agents/agents.routes').then((m) => m.agentsRoutes),
      },
      {
        path: 'supervisor',
        canActivate: [permissionGuard],
        data: { permissions: ['agents.view'] },
        loadChildren: () =>
          import('../supervisor/supervisor.routes').then((m) => m.supervisorRoutes),
      },
      {
        path: 'calls',
        canActivate: [permissionGuard],
        data: { permissions: ['calls.monitor'] },
        loadChildren: () => import('../calls/calls.routes').then((m) => m.callsRoutes),
      },
      {
        path: 'queues',
        canActivate: [permissionGuard],
        data: { permissions: ['queues.view', 'queues.manage'] },
        loadChildren: () => import('../queues/queues.routes').then((m) => m.queuesRoutes),
      },
      {
        path: 'customers',
        canActivate: [permissionGuard],
        data: { permissions: ['customers.view'] },
        loadChildren: () => import('../customers/customers.routes').then((m) => m.customersRoutes),
      },
      {
        path: 'datacenter',
        canActivate: [permissionGuard],
        data: { permissions: ['reports.view'] },
        loadChildren: () =>
          import('../datacenter/datacenter.routes').then((m) => m.datacenterRoutes),
      },
      {
        path: 'reason-codes',
        canActivate: [permissionGuard],
        data: { permissions: ['queues.manage'] },
        loadChildren: () =>
          import('../reason-codes/reason-codes.routes').then((m) => m.reasonCodesRoutes),
      },
      {
        path: 'voice',
        canActivate: [permissionGuard],
        data: { permissions: ['voice.manage'] },
        loadChildren: () => import('../voice/voice.routes').then((m) => m.voiceRoutes),
      },
      {
        path: 'users',
        canActivate: [permissionGuard],
        data: { permissions: ['users.view', 'users.manage'] },
        loadChildren: () => import('../users/users.routes').then((m) => m.usersRoutes),
      },
      {
        path: 'roles',
        canActivate: [permissionGuard],
        data: { permissions: ['roles.manage'] },
        loadChildren: () => import('../roles/roles.routes').then((m) => m.rolesRoutes),
      },
      {
        path: 'teams',
        canActivate: [permissionGuard],
        data: { permissions: ['teams.view', 'teams.manage'] },
        loadChildren: () => import('../teams/teams.routes').then((m) => m.teamsRoutes),
      },
      {
        path: 'settings',
        canActivate: [permissionGuard],
        data: { permissions: ['tenant.settings.manage', 'certificates.manage'] },
        loadChildren: () => import('../settings/settings.routes').then((m) => m.settingsRoutes),
      },
      {
        path: 'embedded-apps',
        canActivate: [permissionGuard],
        data: { permissions: ['tenant.settings.manage'] },
        loadChildren: () =>
          import('../embedded-apps-admin/embedded-apps-admin.routes').then(
            (m) => m.embeddedAppsAdminRoutes,
          ),
      },
      {
        path: 'audit',
        canActivate: [permissionGuard],
        data: { permissions: ['audit.view'] },
        loadChildren: () => import('../audit/audit.routes').then((m) => m.auditRoutes),
      },
      ...profileRoutes,
      {
        path: 'forbidden',
        title: 'titles.forbidden',
        loadComponent: () => import('./forbidden-page/forbidden-page').then((m) => m.ForbiddenPage),
      },
      {
        path: '**',
        title: 'titles.notFound',
        loadComponent: () => import('./not-found-page/not-found-page').then((m) => m.NotFoundPage),
      },
    ],
  },
];
