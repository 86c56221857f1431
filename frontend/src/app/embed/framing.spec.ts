import { embedAccess, framingOrigin, framingWindow } from './framing';

describe('embedded call bar framing', () => {
  it('the framing window is the parent, and nothing when the page is on its own', () => {
    const parent = {} as Window;
    const framed = { parent } as unknown as Window;
    expect(framingWindow(framed)).toEqual({ contentWindow: parent });
    const alone = {} as { parent?: unknown };
    alone.parent = alone;
    expect(framingWindow(alone as unknown as Window)).toBeNull();
  });

  it('reads the framing origin where the browser exposes it', () => {
    const list = (items: string[]) => Object.assign([...items], { item: (i: number) => items[i] });
    const win = (ancestors?: string[]) =>
      ({
        location: { ancestorOrigins: ancestors ? list(ancestors) : undefined },
      }) as unknown as Window;
    expect(framingOrigin(win(['http://localhost:4411']))).toBe('http://localhost:4411');
    expect(framingOrigin(win([]))).toBeNull();
    expect(framingOrigin(win())).toBeNull();
  });

  it('only listed origins connect, each with every capability', () => {
    const access = embedAccess([
      'https://crm.example',
      'https://crm.example',
      'http://localhost:4200',
    ]);
    expect(access.allowedOrigins).toEqual(['https://crm.example', 'http://localhost:4200']);
    expect(access.capabilities('https://crm.example', null)).toContain('calls.control');
    expect(access.capabilities('https://crm.example', 'crm')).toContain('agent.state');
    expect(access.capabilities('https://evil.example', null)).toEqual([]);
  });
});
