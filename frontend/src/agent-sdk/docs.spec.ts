/** The generated reference (docs/agent-sdk.md) must match the SDK's types and TSDoc. */
interface SpawnResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}
interface NodeModules {
  spawnSync(command: string, args: readonly string[], options: { encoding: 'utf8' }): SpawnResult;
  existsSync(path: string): boolean;
  execPath: string;
}

// Node built-ins loaded at run time: the unit-test build bundles for the browser, Vitest runs in Node.
async function node(): Promise<NodeModules> {
  const names = ['node:child_process', 'node:fs'];
  const [cp, fs] = await Promise.all(names.map((name) => import(/* @vite-ignore */ name)));
  const { process } = globalThis as unknown as { process: { execPath: string } };
  return { spawnSync: cp.spawnSync, existsSync: fs.existsSync, execPath: process.execPath };
}

describe('agent SDK reference', () => {
  it('docs/agent-sdk.md is up to date with the types (else run npm run docs:sdk -w @cc/frontend)', async () => {
    const { spawnSync, existsSync, execPath } = await node();
    const script = ['scripts/sdk-docs.mjs', 'frontend/scripts/sdk-docs.mjs'].find((p) =>
      existsSync(p),
    );
    expect(script).toBeDefined();
    const run = spawnSync(execPath, [script as string, '--check'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 30_000);
});
