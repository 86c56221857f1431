import { Routes } from '@angular/router';
import { EntryPointsStore } from './entry-points/entry-points-store';
import { IvrStore } from './ivr/ivr-store';
import { PromptsStore } from './prompts/prompts-store';
import { VoiceSettingsStore } from './settings/voice-settings-store';

/** Voice configuration: numbers and web widgets, IVR menus, prompts, settings (below the shell). */
export const voiceRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'numbers' },
  {
    path: 'numbers',
    title: 'voice.entryPoints.title',
    providers: [EntryPointsStore],
    loadComponent: () =>
      import('./entry-points/entry-points-page/entry-points-page').then((m) => m.EntryPointsPage),
  },
  {
    path: 'ivr',
    title: 'voice.ivr.title',
    providers: [IvrStore],
    loadComponent: () => import('./ivr/ivr-page/ivr-page').then((m) => m.IvrPage),
  },
  {
    path: 'prompts',
    title: 'voice.prompts.title',
    providers: [PromptsStore],
    loadComponent: () => import('./prompts/prompts-page/prompts-page').then((m) => m.PromptsPage),
  },
  {
    path: 'settings',
    title: 'voice.settings.title',
    providers: [VoiceSettingsStore],
    loadComponent: () =>
      import('./settings/voice-settings-page/voice-settings-page').then((m) => m.VoiceSettingsPage),
  },
];
