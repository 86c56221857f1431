import { Routes } from '@angular/router';
import { permissionGuard } from '../auth/auth.guards';
import { CareRulesStore } from './care/care-rules-store';
import { CareTasksStore } from './care/care-tasks-store';
import { CategoryGroupsStore } from './classification/category-groups-store';
import { SegmentsStore } from './classification/segments-store';
import { CustomerDetailStore } from './customer-detail-store';
import { CustomerEditorStore } from './customer-editor-store';
import { CustomerFieldsStore } from './customer-fields-store';
import { CustomersStore } from './customers-store';

/** Customers: the list, one customer's page and the custom fields (below the console shell). */
export const customersRoutes: Routes = [
  {
    path: '',
    providers: [CustomerEditorStore, CategoryGroupsStore],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'customers.title',
        providers: [CustomersStore],
        loadComponent: () =>
          import('./customers-page/customers-page').then((m) => m.CustomersPage),
      },
      {
        path: 'fields',
        title: 'customers.fields.title',
        canActivate: [permissionGuard],
        data: { permissions: ['customers.manage'] },
        providers: [CustomerFieldsStore],
        loadComponent: () =>
          import('./customer-fields-page/customer-fields-page').then((m) => m.CustomerFieldsPage),
      },
      {
        path: 'imports',
        title: 'customerImport.historyTitle',
        canActivate: [permissionGuard],
        data: { permissions: ['customers.import'] },
        loadComponent: () =>
          import('./import/import-history/import-history').then((m) => m.ImportHistory),
      },
      {
        // `imports/new` starts a wizard; the same route keeps it (and its store) once the upload names it.
        path: 'imports/:id',
        title: 'customerImport.title',
        canActivate: [permissionGuard],
        data: { permissions: ['customers.import'] },
        loadComponent: () =>
          import('./import/import-wizard/import-wizard').then((m) => m.ImportWizard),
      },
      {
        path: 'care',
        title: 'customerCare.tasks.title',
        providers: [CareTasksStore],
        loadComponent: () =>
          import('./care/care-tasks-page/care-tasks-page').then((m) => m.CareTasksPage),
      },
      {
        path: 'care/rules',
        title: 'customerCare.rules.title',
        canActivate: [permissionGuard],
        data: { permissions: ['customers.manage'] },
        providers: [CareRulesStore],
        loadComponent: () =>
          import('./care/care-rules-page/care-rules-page').then((m) => m.CareRulesPage),
      },
      {
        path: 'categories',
        title: 'customerClassification.categories.title',
        canActivate: [permissionGuard],
        data: { permissions: ['customers.manage'] },
        loadComponent: () =>
          import('./classification/categories-page/categories-page').then((m) => m.CategoriesPage),
      },
      {
        path: 'segments',
        title: 'customerClassification.segments.title',
        providers: [SegmentsStore],
        loadComponent: () =>
          import('./classification/segments-page/segments-page').then((m) => m.SegmentsPage),
      },
      {
        path: ':id',
        title: 'customers.detail.title',
        providers: [CustomerDetailStore],
        loadComponent: () =>
          import('./customer-detail-page/customer-detail-page').then((m) => m.CustomerDetailPage),
      },
    ],
  },
];
