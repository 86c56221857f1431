import { Routes } from '@angular/router';
import { CallsFeed } from '../calls/calls-feed';
import { LiveCallsStore } from '../calls/live-calls-store';
import { Clock } from '../shared/time/clock';
import { VoiceSession } from '../shared/voice/voice-session';
import { PushedCallsFeed, SupervisorFeed } from './supervisor-feed';
import { SupervisorStore } from './supervisor-store';

/** The supervisor console and its wallboard (below the console shell). */
export const supervisorRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'supervisor.pageTitle',
    providers: [
      SupervisorFeed,
      SupervisorStore,
      // The live-calls store does the supervision and its audio; its calls come from our socket.
      { provide: CallsFeed, useClass: PushedCallsFeed },
      LiveCallsStore,
      Clock,
      VoiceSession,
    ],
    loadComponent: () => import('./supervisor-page/supervisor-page').then((m) => m.SupervisorPage),
  },
  {
    path: 'wallboard',
    title: 'supervisor.wallboardTitle',
    providers: [SupervisorFeed, SupervisorStore, Clock],
    loadComponent: () => import('./wallboard-page/wallboard-page').then((m) => m.WallboardPage),
  },
];
