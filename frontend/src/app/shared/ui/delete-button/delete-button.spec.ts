import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { APP_ICONS } from '../../../icons';
import { DeleteButton } from './delete-button';
import { DeleteButtonHarness } from './delete-button-harness';

async function render() {
  TestBed.configureTestingModule({
    imports: [
      DeleteButton,
      TranslocoTestingModule.forRoot({
        langs: { en: { common: { delete: 'Delete', cancel: 'Cancel' } } },
        translocoConfig: { availableLangs: ['en'], defaultLang: 'en' },
        preloadLangs: true,
      }),
    ],
    providers: [provideNzIcons(APP_ICONS)],
  });
  const fixture = TestBed.createComponent(DeleteButton);
  fixture.componentRef.setInput('question', 'Delete Sales?');
  fixture.componentRef.setInput('testId', 'team-delete');
  let confirmed = 0;
  fixture.componentInstance.confirmed.subscribe(() => confirmed++);
  await fixture.whenStable();
  const harness = await TestbedHarnessEnvironment.harnessForFixture(fixture, DeleteButtonHarness);
  return { fixture, harness, confirmed: () => confirmed };
}

describe('DeleteButton', () => {
  it('deletes once the question is confirmed', async () => {
    const { harness, confirmed } = await render();
    await harness.confirm();
    expect(confirmed()).toBe(1);
  });

  it('does nothing when the question is cancelled', async () => {
    const { harness, confirmed } = await render();
    await harness.cancel();
    expect(confirmed()).toBe(0);
  });

  it('carries the test id and a translated label on its button', async () => {
    const { fixture, harness } = await render();
    const button = (fixture.nativeElement as HTMLElement).querySelector('button');
    expect(button?.getAttribute('data-testid')).toBe('team-delete');
    expect(await harness.label()).toBe('Delete');
  });
});
