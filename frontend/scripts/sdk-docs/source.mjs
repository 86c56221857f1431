/** Reads the agent SDK sources with the TypeScript compiler API: exported symbols, TSDoc and the few
 * runtime tables (METHODS, topicCapability, SLOW_METHODS, ERROR_CODES) the reference quotes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** Collapses whitespace of source text so multi-line declarations fit one table cell. */
export const flat = (text) =>
  text
    .replace(/\s+/g, ' ')
    .replace(/\( /g, '(')
    .replace(/,? \)/g, ')')
    .replace(/; }/g, ' }')
    .replace(/^\| /, '')
    .trim();

/** Escapes a Markdown table cell. */
export const cell = (text) => text.replace(/\|/g, '\\|');

/** Orders `{ name }` records by name. */
export const byName = (a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

const literal = (node) => (node && ts.isStringLiteral(node) ? node.text : null);
const hidden = ts.ModifierFlags.Private | ts.ModifierFlags.Protected;

/** Everything the sections need from the SDK in `sdkDir`. */
export function loadSdk(sdkDir) {
  const program = ts.createProgram([join(sdkDir, 'index.ts'), join(sdkDir, 'script.ts')], {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Preserve,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const file = (name) => program.getSourceFile(join(sdkDir, name));
  const rawDoc = (symbol) =>
    ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
  const doc = (symbol) => flat(rawDoc(symbol));
  const exports = new Map(
    checker
      .getExportsOfModule(checker.getSymbolAtLocation(file('index.ts')))
      .map((s) => [s.name, s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s]),
  );
  const typeText = (node) =>
    node.type ? flat(node.type.getText()) : checker.typeToString(checker.getTypeAtLocation(node));
  const typeParams = (node) =>
    node.typeParameters ? `<${node.typeParameters.map((t) => flat(t.getText())).join(', ')}>` : '';
  const param = (p) =>
    `${p.name.getText()}${p.questionToken || p.initializer ? '?' : ''}: ${flat(p.type.getText())}`;
  const protocolFile = file('protocol.ts');

  return {
    ts,
    checker,
    file,
    exports,
    doc,
    typeText,
    typeParams,
    /** The first declaration of an export. */
    decl: (name) => exports.get(name).declarations[0],
    /** TSDoc of a method or function declaration (per overload). */
    signatureDoc: (node) =>
      flat(
        ts.displayPartsToString(
          checker.getSignatureFromDeclaration(node).getDocumentationComment(checker),
        ),
      ),
    /** `name<T>(a: A, b?: B): R` of a function, method or method signature. */
    signature: (name, node) =>
      `${name}${typeParams(node)}(${node.parameters.map(param).join(', ')}): ${flat(node.type.getText())}`,
    /** Properties of an interface (own and inherited), in declaration order. */
    members: (symbol) =>
      checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol)).map((p) => ({
        name: p.name,
        symbol: p,
        node: p.valueDeclaration ?? p.declarations[0],
      })),
    /** Properties of the type a node declares (e.g. an event payload literal). */
    propertiesOf: (node) =>
      checker
        .getPropertiesOfType(checker.getTypeAtLocation(node))
        .map((p) => ({ name: p.name, symbol: p, node: p.valueDeclaration })),
    isPublic: (member) => !(ts.getCombinedModifierFlags(member) & hidden),
    /** Public members of a class, skipping the implementation of an overloaded method. */
    publicMembers: (cls) =>
      cls.members.filter(
        (m) =>
          m.name !== undefined &&
          !(ts.getCombinedModifierFlags(m) & hidden) &&
          !(
            ts.isMethodDeclaration(m) &&
            m.body &&
            cls.members.some(
              (o) =>
                o !== m &&
                ts.isMethodDeclaration(o) &&
                !o.body &&
                o.name.getText() === m.name.getText(),
            )
          ),
      ),
    sdkVersion: literal(findConst(protocolFile, 'SDK_VERSION')),
    protocol: readProtocol(protocolFile),
    capabilities: readStringArray(findConst(protocolFile, 'CAPABILITIES')),
    errorCodes: readStringArray(findConst(file('errors.ts'), 'ERROR_CODES')),
    errorMeanings: readErrorMeanings(rawDoc(exports.get('ErrorCode'))),
    methodSpecs: readMethodSpecs(protocolFile),
    topicRules: readTopicRules(protocolFile),
    slowMethods: new Set(
      readStringArray(findConst(file('client-core.ts'), 'SLOW_METHODS').arguments[0]),
    ),
    onGlobal: new Set(
      file('script.ts').statements.flatMap((s) =>
        ts.isExportDeclaration(s) ? s.exportClause.elements.map((e) => e.name.text) : [],
      ),
    ),
    readmeProtocol: readProtocolSection(readFileSync(join(sdkDir, 'README.md'), 'utf8')),
  };
}

/** Capability an event topic needs, by the prefix rules of `topicCapability()`. */
export function topicCapability(rules, topic) {
  return rules.find(([prefix]) => prefix === null || topic.startsWith(prefix))[1];
}

/** The wire method an `AgentClient` method sends (`this.request('x', …)`), or null. */
export function requestedMethod(method) {
  let found = null;
  const visit = (n) => {
    if (
      ts.isCallExpression(n) &&
      n.expression.getText() === 'this.request' &&
      ts.isStringLiteral(n.arguments[0])
    )
      found = n.arguments[0].text;
    else ts.forEachChild(n, visit);
  };
  if (method.body) visit(method.body);
  return found;
}

/** The `type` literal(s) of a message interface or union. */
export function messageType(node) {
  const shapes = ts.isInterfaceDeclaration(node) ? [node] : node.type.types;
  const values = shapes.map((t) =>
    t.members
      .find((m) => m.name.getText() === 'type')
      .type.getText()
      .replace(/'/g, ''),
  );
  return [...new Set(values)].join(' | ');
}

function findConst(sourceFile, name) {
  for (const s of sourceFile.statements) {
    if (!ts.isVariableStatement(s)) continue;
    for (const d of s.declarationList.declarations) {
      if (d.name.getText() !== name) continue;
      let init = d.initializer;
      while (ts.isAsExpression(init) || ts.isSatisfiesExpression(init)) init = init.expression;
      return init;
    }
  }
  throw new Error(`${name} not found in ${sourceFile.fileName}`);
}

function readStringArray(node) {
  return node.elements.map((e) => e.text);
}

function readProtocol(sourceFile) {
  const o = findConst(sourceFile, 'PROTOCOL');
  const v = Object.fromEntries(
    o.properties.map((p) => [p.name.getText(), p.initializer.getText()]),
  );
  return `${v.major}.${v.minor}`;
}

/** Capability and checked fields of every wire method, from `METHODS` (and the checks it calls). */
function readMethodSpecs(sourceFile) {
  const fieldsOf = (checks) =>
    checks.elements.map((c) =>
      ts.isCallExpression(c)
        ? literal(c.arguments[0])
        : c.getText() === 'idList'
          ? 'queueIds'
          : c.getText(),
    );
  const prop = (object, name) =>
    object.properties.find((x) => x.name.getText() === name).initializer;
  const callOnlyChecks = prop(findConst(sourceFile, 'callOnly').body.expression, 'checks');
  const specs = new Map();
  for (const p of findConst(sourceFile, 'METHODS').properties) {
    const v = p.initializer;
    const viaCallOnly = ts.isCallExpression(v) && v.expression.getText() === 'callOnly';
    specs.set(literal(p.name), {
      capability: literal(viaCallOnly ? v.arguments[0] : prop(v, 'capability')),
      fields: fieldsOf(viaCallOnly ? callOnlyChecks : prop(v, 'checks')),
    });
  }
  return specs;
}

/** The prefix rules of `topicCapability()`: `[[prefix, capability]…, [null, fallback]]`. */
function readTopicRules(sourceFile) {
  const fn = sourceFile.statements.find(
    (s) => ts.isFunctionDeclaration(s) && s.name?.text === 'topicCapability',
  );
  return fn.body.statements.map((s) =>
    ts.isIfStatement(s)
      ? [literal(s.expression.arguments[0]), literal(s.thenStatement.expression)]
      : [null, literal(s.expression)],
  );
}

/** Meanings from the `- \`E_X\`: meaning` list in the TSDoc of `ErrorCode`. */
function readErrorMeanings(text) {
  return new Map([...text.matchAll(/^- `(E_[A-Z_]+)`: (.+)$/gm)].map((m) => [m[1], m[2].trim()]));
}

/** The README's protocol section, one heading level down. */
function readProtocolSection(readme) {
  const lines = readme.split('\n');
  const start = lines.findIndex((l) => /^## Protocol/.test(l));
  const end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  return lines
    .slice(start, end === -1 ? undefined : end)
    .map((l) => (l.startsWith('## ') ? `#${l}` : l))
    .join('\n')
    .trim()
    .split('\n');
}
