import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { APP_ICONS } from '../../../icons';
import { IconAction } from './icon-action';
import { IconActionHarness } from './icon-action-harness';

@Component({
  imports: [IconAction],
  template: `<app-icon-action
    icon="edit"
    label="Edit queue"
    testId="queue-edit"
    (pressed)="presses = presses + 1"
  />`,
})
class Host {
  presses = 0;
}

describe('IconAction', () => {
  it('names itself by its label, carries its test id and reports presses', async () => {
    TestBed.configureTestingModule({ imports: [Host], providers: [provideNzIcons(APP_ICONS)] });
    const fixture = TestBed.createComponent(Host);
    const harness = await TestbedHarnessEnvironment.harnessForFixture(fixture, IconActionHarness);
    expect(await harness.label()).toBe('Edit queue');
    expect(await harness.testId()).toBe('queue-edit');
    await harness.press();
    await harness.press();
    expect(fixture.componentInstance.presses).toBe(2);
  });
});
