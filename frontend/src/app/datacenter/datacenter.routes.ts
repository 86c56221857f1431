import { Routes } from '@angular/router';
import { provideDatacenterCharts } from './charts';
import { DatacenterStore } from './datacenter-store';
import { DrillDownStore } from './drill-down-store';
import { ReportsStore } from './reports-store';

/** The data center (below the console shell), with its stores and the chart library. */
export const datacenterRoutes: Routes = [
  {
    path: '',
    title: 'datacenter.title',
    providers: [DatacenterStore, DrillDownStore, ReportsStore, provideDatacenterCharts()],
    loadComponent: () => import('./datacenter-page/datacenter-page').then((m) => m.DatacenterPage),
  },
];
