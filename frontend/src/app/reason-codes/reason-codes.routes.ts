import { Routes } from '@angular/router';
import { ReasonCodesStore } from './reason-codes-store';

/** Not-ready reason codes of the contact center (below the console shell). */
export const reasonCodesRoutes: Routes = [
  {
    path: '',
    title: 'reasonCodes.title',
    providers: [ReasonCodesStore],
    loadComponent: () =>
      import('./reason-codes-page/reason-codes-page').then((m) => m.ReasonCodesPage),
  },
];
