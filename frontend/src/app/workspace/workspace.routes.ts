import { Routes } from '@angular/router';
import { Clock } from '../shared/time/clock';
import { VoiceSession } from '../shared/voice/voice-session';
import { WorkspaceStore } from './workspace-store';

/** The agent's workspace with the call bar and softphone (below the console shell). */
export const workspaceRoutes: Routes = [
  {
    path: '',
    title: 'titles.workspace',
    providers: [WorkspaceStore, Clock, VoiceSession],
    loadComponent: () => import('./workspace-page/workspace-page').then((m) => m.WorkspacePage),
  },
];
