import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { APP_ICONS } from '../../../icons';
import { Locale } from '../../api/models';
import { LocaleControl } from '../../i18n/locale-control';
import { LanguageSwitch } from './language-switch';
import { LanguageSwitchHarness } from './language-switch-harness';

async function render(start: Locale) {
  const locale = signal<Locale>(start);
  const changes: Locale[] = [];
  TestBed.configureTestingModule({
    imports: [
      LanguageSwitch,
      TranslocoTestingModule.forRoot({
        langs: { en: {} },
        translocoConfig: { availableLangs: ['en'], defaultLang: 'en' },
      }),
    ],
    providers: [
      provideNzIcons(APP_ICONS),
      {
        provide: LocaleControl,
        useValue: { locale, change: (next: Locale) => (changes.push(next), locale.set(next)) },
      },
    ],
  });
  const fixture = TestBed.createComponent(LanguageSwitch);
  await fixture.whenStable();
  return {
    harness: await TestbedHarnessEnvironment.harnessForFixture(fixture, LanguageSwitchHarness),
    changes,
  };
}

describe('LanguageSwitch', () => {
  it('shows the current language in its own name', async () => {
    const { harness } = await render('zh-CN');
    expect(await harness.current()).toContain('中文');
  });

  it('asks for Chinese when 中文 is picked', async () => {
    const { harness, changes } = await render('en');
    await harness.choose('zh-CN');
    expect(changes).toEqual(['zh-CN']);
    expect(await harness.current()).toContain('中文');
  });

  it('does nothing when the current language is picked again', async () => {
    const { harness, changes } = await render('en');
    await harness.choose('en');
    expect(changes).toEqual([]);
  });
});
