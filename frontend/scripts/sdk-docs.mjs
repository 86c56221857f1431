/**
 * Writes docs/agent-sdk.md, the agent SDK reference, from the TypeScript types and TSDoc of
 * frontend/src/agent-sdk/ (TypeScript compiler API). `--check` writes nothing and exits 1 when the
 * file is out of date. Usage: `npm run docs:sdk -w @cc/frontend [-- --check]`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { events, functions, intro, properties } from './sdk-docs/api.mjs';
import { errors, otherExports, protocolMessages, types } from './sdk-docs/reference.mjs';
import { loadSdk } from './sdk-docs/source.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const SDK_DIR = join(here, '..', 'src', 'agent-sdk');
const OUT_FILE = join(here, '..', '..', 'docs', 'agent-sdk.md');

/** The whole reference as Markdown; deterministic for the same sources. */
export function generateSdkDocs(sdkDir = SDK_DIR) {
  const sdk = loadSdk(sdkDir);
  const sections = [intro, functions, properties, events, types, otherExports, errors];
  return `${[...sections, protocolMessages]
    .flatMap((section) => section(sdk))
    .join('\n')
    .trimEnd()}\n`;
}

function main() {
  const text = generateSdkDocs();
  if (!process.argv.includes('--check')) {
    writeFileSync(OUT_FILE, text);
    console.log('wrote docs/agent-sdk.md');
    return;
  }
  let current = '';
  try {
    current = readFileSync(OUT_FILE, 'utf8');
  } catch {
    // a missing file is simply out of date
  }
  if (current !== text) {
    console.error(
      'docs/agent-sdk.md is out of date with frontend/src/agent-sdk: run `npm run docs:sdk -w @cc/frontend`.',
    );
    process.exitCode = 1;
  } else console.log('docs/agent-sdk.md is up to date.');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
