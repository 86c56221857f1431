import { EmbedFacts, embedView } from './embed-view';

const AGENT: EmbedFacts = {
  framed: true,
  status: 'authenticated',
  signedInTo: 'acme',
  slug: 'acme',
  permissions: new Set(['calls.handle']),
};

describe('embedded call bar view', () => {
  it('an agent of the URL’s organisation inside a frame gets the call bar', () => {
    expect(embedView(AGENT)).toBe('call_bar');
  });

  it('opened on its own the page only says where it belongs, signed in or not', () => {
    expect(embedView({ ...AGENT, framed: false })).toBe('not_framed');
    expect(embedView({ ...AGENT, framed: false, status: 'anonymous' })).toBe('not_framed');
  });

  it('asks to sign in while nobody is, and waits while a remembered session is checked', () => {
    expect(embedView({ ...AGENT, status: 'anonymous', signedInTo: null })).toBe('sign_in');
    expect(embedView({ ...AGENT, status: 'restoring' })).toBe('restoring');
  });

  it('a session of another organisation or without calls.handle shows no call bar', () => {
    expect(embedView({ ...AGENT, signedInTo: 'other' })).toBe('other_org');
    expect(embedView({ ...AGENT, permissions: new Set(['users.view']) })).toBe('no_permission');
  });
});
