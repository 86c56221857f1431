import { registerLocaleData } from '@angular/common';
import zh from '@angular/common/locales/zh';
import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app/app';
import { appConfig } from './app/app.config';

// Date pipes and zorro's date helpers format with the zh locale when Chinese is active.
registerLocaleData(zh);

bootstrapApplication(App, appConfig).catch((err: unknown) => console.error(err));
