import { Routes } from '@angular/router';
import { Clock } from '../shared/time/clock';
import { VoiceSession } from '../shared/voice/voice-session';
import { LiveCallsStore } from './live-calls-store';

/** Supervisors' live calls with monitor, whisper, barge, intercept and release (below the console shell). */
export const callsRoutes: Routes = [
  {
    path: '',
    title: 'liveCalls.pageTitle',
    providers: [LiveCallsStore, Clock, VoiceSession],
    loadComponent: () => import('./live-calls-page/live-calls-page').then((m) => m.LiveCallsPage),
  },
];
