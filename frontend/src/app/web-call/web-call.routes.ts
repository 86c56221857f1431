import { Routes } from '@angular/router';
import { Clock } from '../shared/time/clock';
import { VoiceSession } from '../shared/voice/voice-session';
import { WebCallStore } from './web-call-store';

/** The public web-call widget `/call/:key` (no console shell, no sign-in; embeddable in an iframe). */
export const webCallRoutes: Routes = [
  {
    path: ':key',
    title: 'webCall.pageTitle',
    providers: [WebCallStore, VoiceSession, Clock],
    loadComponent: () => import('./web-call-page/web-call-page').then((m) => m.WebCallPage),
  },
];
