import { Routes } from '@angular/router';
import { permissionGuard } from '../auth/auth.guards';
import { CustomerDetailStore } from './customer-detail-store';
import { CustomerEditorStore } from './customer-editor-store';
import { CustomerFieldsStore } from './customer-fields-store';
import { CustomersStore } from './customers-store';

/** Customers: the list, one customer's page and the custom fields (below the console shell). */
export const customersRoutes: Routes = [
  {
    path: '',
    providers: [CustomerEditorStore],
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
        path: ':id',
        title: 'customers.detail.title',
        providers: [CustomerDetailStore],
        loadComponent: () =>
          import('./customer-detail-page/customer-detail-page').then((m) => m.CustomerDetailPage),
      },
    ],
  },
];
