import { Routes } from '@angular/router';
import { CalendarStore } from './calendar-store';

/** The personal calendar (below the console shell). */
export const calendarRoutes: Routes = [
  {
    path: '',
    title: 'calendar.title',
    providers: [CalendarStore],
    loadComponent: () => import('./calendar-page/calendar-page').then((m) => m.CalendarPage),
  },
];
