/** Reference sections for lookup: types, other exports, errors and the wire protocol. */
import { byName, cell, flat, messageType } from './source.mjs';
import { fieldTable } from './api.mjs';

const MESSAGES = [
  'HelloMessage',
  'WelcomeMessage',
  'RefusedMessage',
  'RequestMessage',
  'ResponseMessage',
  'EventMessage',
  'ByeMessage',
];

function exported(sdk, keep) {
  return [...sdk.exports.entries()]
    .map(([name, symbol]) => ({ name, symbol }))
    .filter(keep)
    .sort(byName);
}

/** Every exported interface and type alias, sorted by name, with its fields and their TSDoc. */
export function types(sdk) {
  const { ts, checker } = sdk;
  const out = ['## Types', ''];
  const isType = ({ symbol }) =>
    symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias) &&
    !(symbol.flags & ts.SymbolFlags.Value);
  for (const { name, symbol } of exported(sdk, isType)) {
    const node = symbol.declarations[0];
    out.push(`### \`${name}\``, '', sdk.doc(symbol), '');
    if (!ts.isInterfaceDeclaration(node)) {
      out.push('```ts', `type ${name}${sdk.typeParams(node)} = ${flat(node.type.getText())};`);
      out.push('```', '');
      continue;
    }
    const parents = (node.heritageClauses ?? []).flatMap((h) => h.types.map((x) => x.getText()));
    if (parents.length) out.push(`Extends ${parents.map((p) => `\`${p}\``).join(', ')}.`, '');
    const fields = node.members.filter((f) => ts.isPropertySignature(f));
    if (fields.length) {
      const records = fields.map((f) => ({
        name: f.name.getText().replace(/'/g, ''),
        symbol: checker.getSymbolAtLocation(f.name),
        node: f,
      }));
      out.push(...fieldTable(sdk, records), '');
    }
    const calls = node.members.filter((f) => ts.isMethodSignature(f));
    for (const c of calls) {
      const text = sdk.signature(c.name.getText(), c);
      out.push(`- \`${text}\` — ${sdk.doc(checker.getSymbolAtLocation(c.name))}`);
    }
    if (calls.length) out.push('');
  }
  return out;
}

/** Classes, functions and constants other than `connect` and `AgentClient`. */
export function otherExports(sdk) {
  const { ts, checker } = sdk;
  const out = ['## Other exports', ''];
  out.push(
    'For hosts, tests and advanced apps. The script build puts only those marked `CCAgent` on its global',
    '(besides `connect` and `AgentClient`).',
    '',
  );
  const isValue = ({ name, symbol }) =>
    symbol.flags & ts.SymbolFlags.Value && !['AgentClient', 'connect'].includes(name);
  for (const { name, symbol } of exported(sdk, isValue)) {
    const node = symbol.valueDeclaration;
    const kind = ts.isClassDeclaration(node)
      ? 'class'
      : ts.isFunctionDeclaration(node)
        ? 'function'
        : 'constant';
    out.push(`### \`${name}\` (${kind}${sdk.onGlobal.has(name) ? ', `CCAgent`' : ''})`, '');
    out.push(sdk.doc(symbol), '');
    if (kind === 'function') out.push('```ts', sdk.signature(name, node), '```', '');
    if (kind === 'constant') {
      const type = checker.typeToString(
        checker.getTypeOfSymbol(symbol),
        undefined,
        ts.TypeFormatFlags.NoTruncation,
      );
      out.push('```ts', `const ${name}: ${type}`, '```', '');
    }
    if (kind === 'class') out.push(...classMembers(sdk, node), '');
  }
  return out;
}

function classMembers(sdk, node) {
  const { ts, checker } = sdk;
  return sdk
    .publicMembers(node)
    .filter(
      (m) =>
        ts.isMethodDeclaration(m) || ts.isGetAccessorDeclaration(m) || ts.isPropertyDeclaration(m),
    )
    .map((m) => {
      const isMethod = ts.isMethodDeclaration(m);
      const text = isMethod
        ? sdk.signature(m.name.getText(), m)
        : `${m.name.getText()}: ${sdk.typeText(m)}`;
      const isStatic = ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Static;
      const doc = isMethod ? sdk.signatureDoc(m) : sdk.doc(checker.getSymbolAtLocation(m.name));
      return `- \`${isStatic ? 'static ' : ''}${text}\` — ${doc}`;
    });
}

/** `ERROR_CODES` in order, with the meanings listed in the TSDoc of `ErrorCode`. */
export function errors(sdk) {
  const out = ['## Errors', ''];
  out.push(
    'Every promise rejects with `CCAgentError` (`code`, `message`, `details`); `details` is an',
    '`ErrorDetails` (see Types).',
    '',
    '| Code | Meaning |',
    '| --- | --- |',
  );
  for (const code of sdk.errorCodes)
    out.push(`| \`${code}\` | ${cell(sdk.errorMeanings.get(code) ?? '')} |`);
  return [...out, ''];
}

/** Handshake and port messages, every wire method of `MethodMap`, and the capabilities. */
export function protocolMessages(sdk) {
  const out = ['## Protocol messages', ''];
  out.push(
    'Window messages (`cc.*`) carry the handshake; port messages everything after it. Their fields are',
    'listed under Types.',
    '',
    '| Message | `type` | Description |',
    '| --- | --- | --- |',
  );
  for (const name of MESSAGES) {
    const doc = cell(sdk.doc(sdk.exports.get(name)));
    out.push(`| \`${name}\` | \`${messageType(sdk.decl(name))}\` | ${doc} |`);
  }
  out.push('', '### Methods on the wire', '');
  out.push('| Method | Params | Result | Capability | Description |');
  out.push('| --- | --- | --- | --- | --- |');
  for (const m of sdk.members(sdk.exports.get('MethodMap'))) {
    const shape = Object.fromEntries(
      m.node.type.members.map((x) => [x.name.getText(), cell(flat(x.type.getText()))]),
    );
    const capability = sdk.methodSpecs.get(m.name).capability;
    out.push(
      `| \`${m.name}\` | \`${shape.params}\` | \`${shape.result}\` | \`${capability}\` | ${cell(sdk.doc(m.symbol))} |`,
    );
  }
  out.push('', '### Capabilities', '', sdk.capabilities.map((c) => `\`${c}\``).join(', '), '');
  return out;
}
