/**
 * The library reference, extracted at build time from lib/ source with the TypeScript parser:
 * every exported function, class, constant, interface and type, with its doc comment and its
 * signature (function bodies dropped). Node-only helpers (lib/node) are left out: the site never
 * uses them, and notebooks import them separately.
 */
import ts from 'typescript';

const sources = import.meta.glob(['../../lib/**/*.ts', '!../../lib/dist/**', '!../../lib/node/**', '!../../lib/**/index.ts'], {
  eager: true,
  query: '?raw',
  import: 'default',
}) as Record<string, string>;

export interface ApiEntry {
  name: string;
  kind: 'function' | 'class' | 'const' | 'interface' | 'type';
  signature: string;
  doc: string;
}

export interface ApiModule {
  /** e.g. "spike/train" */
  path: string;
  /** the file's opening doc comment */
  doc: string;
  entries: ApiEntry[];
}

const cleanDoc = (raw: string): string =>
  raw
    .replace(/^\/\*\*?/, '')
    .replace(/\*\/$/, '')
    .split('\n')
    .map((l) => l.replace(/^\s*\* ?/, ''))
    .join('\n')
    .trim();

function leadingDoc(node: ts.Node, text: string): string {
  const ranges = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
  const docs = ranges.filter((r) => text.slice(r.pos, r.pos + 3) === '/**');
  return docs.length ? cleanDoc(text.slice(docs[docs.length - 1]!.pos, docs[docs.length - 1]!.end)) : '';
}

const isExported = (n: ts.Node): boolean =>
  ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

export function libraryReference(): ApiModule[] {
  const modules: ApiModule[] = [];
  for (const [file, text] of Object.entries(sources).sort(([a], [b]) => a.localeCompare(b))) {
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const first = sf.statements[0];
    const fileDoc = first ? leadingDoc(first, text) : '';
    const entries: ApiEntry[] = [];
    for (const st of sf.statements) {
      if (!isExported(st)) continue;
      const doc = leadingDoc(st, text);
      const sig = (end: number) => text.slice(st.getStart(sf), end).replace(/\s+$/, '');
      if (ts.isFunctionDeclaration(st) && st.name)
        entries.push({ name: st.name.text, kind: 'function', signature: sig(st.body ? st.body.getStart(sf) : st.end), doc });
      else if (ts.isClassDeclaration(st) && st.name)
        entries.push({ name: st.name.text, kind: 'class', signature: sig(st.members.pos), doc });
      else if (ts.isInterfaceDeclaration(st)) entries.push({ name: st.name.text, kind: 'interface', signature: sig(st.end), doc });
      else if (ts.isTypeAliasDeclaration(st)) entries.push({ name: st.name.text, kind: 'type', signature: sig(st.end), doc });
      else if (ts.isVariableStatement(st)) {
        for (const d of st.declarationList.declarations) {
          if (!ts.isIdentifier(d.name)) continue;
          const isFn = d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer));
          const shown = isFn
            ? sig((d.initializer as ts.ArrowFunction).body.getStart(sf))
            : `const ${d.name.text}${d.type ? `: ${d.type.getText(sf)}` : ''}`;
          entries.push({ name: d.name.text, kind: isFn ? 'function' : 'const', signature: shown, doc });
        }
      }
    }
    if (entries.length)
      modules.push({
        path: file.replace(/^.*\/lib\//, '').replace(/\.ts$/, ''),
        doc: first && !isExported(first) ? fileDoc : fileDoc,
        entries,
      });
  }
  return modules;
}
