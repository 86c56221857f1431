import { TestBed } from '@angular/core/testing';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import { RoleTextPipe } from './role-text';

function pipe() {
  TestBed.configureTestingModule({
    imports: [
      TranslocoTestingModule.forRoot({
        langs: {
          en: { builtInRoles: { agent: { name: 'Agent', description: 'Takes calls' } } },
          'zh-CN': { builtInRoles: { agent: { name: '坐席', description: '接听电话' } } },
        },
        translocoConfig: { availableLangs: ['en', 'zh-CN'], defaultLang: 'en' },
        preloadLangs: true,
      }),
    ],
    providers: [RoleTextPipe],
  });
  return { roleText: TestBed.inject(RoleTextPipe), transloco: TestBed.inject(TranslocoService) };
}

describe('RoleTextPipe', () => {
  it('translates a built-in role by its key in the current language', () => {
    const { roleText, transloco } = pipe();
    const agent = { key: 'agent', name: 'Agent', description: 'Takes and makes calls' };
    expect(roleText.transform(agent)).toBe('Agent');
    transloco.setActiveLang('zh-CN');
    expect(roleText.transform(agent)).toBe('坐席');
    expect(roleText.transform(agent, 'description')).toBe('接听电话');
  });

  it('shows a custom role as its admins named it', () => {
    const { roleText, transloco } = pipe();
    transloco.setActiveLang('zh-CN');
    expect(roleText.transform({ key: 'custom_qa_1a2b3c', name: 'QA analyst' })).toBe('QA analyst');
  });

  it('falls back to the stored name when a translation is missing', () => {
    const { roleText } = pipe();
    expect(roleText.transform({ key: 'auditor', name: 'Auditor' })).toBe('Auditor');
  });
});
