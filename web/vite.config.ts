import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { surveyPageHtml } from './vite.survey.config.ts';

/** Where the dev server forwards API calls: the `@diemcau/server` started by `pnpm dev`. */
const api = process.env.DIEMCAU_API ?? 'http://localhost:4000';

/**
 * Code splitting for GraphQL documents, the job of the client preset's Babel/SWC optimizer plugins.
 * `graphql(\`query Viewer …\`)` from `gql/gql.ts` looks its document up in a map of every document of
 * the app, and `gql/graphql.ts` holds them all in one module, so either way every chunk that asks for
 * one document would get all of them (in practice: the entry chunk). This rewrites each call into an
 * import of a module holding just that document, as codegen printed it in `gql/graphql.ts`. Types are
 * untouched: TypeScript still sees the typed `graphql()` overloads.
 */
export function graphqlDocuments(): Plugin {
  const importGraphql = /import\s*\{\s*graphql\s*\}\s*from\s*'((?:\.\.?\/)+(?:[\w-]+\/)*gql)\/gql\.ts';?/;
  const call = /\bgraphql\(\s*`\s*(query|mutation|subscription|fragment)\s+(\w+)[^`]*`\s*\)/g;
  const prefix = 'virtual:graphql-document/';
  const generated = fileURLToPath(new URL('./src/gql/graphql.ts', import.meta.url));
  return {
    name: 'diemcau:graphql-documents',
    enforce: 'pre',
    resolveId(source) {
      return source.startsWith(prefix) ? `\0${source}` : undefined;
    },
    async load(id) {
      if (!id.startsWith(`\0${prefix}`)) return undefined;
      const name = id.slice(prefix.length + 1);
      this.addWatchFile(generated);
      const code = await readFile(generated, 'utf8');
      const found = new RegExp(
        `^export const ${name} = new TypedDocumentString\\((\`[\\s\\S]*?\`)(, [^\\n]*)?\\) as unknown as`,
        'm',
      ).exec(code);
      if (!found) this.error(`${name} is not in src/gql/graphql.ts: run \`pnpm --filter @diemcau/web codegen\``);
      // What `request()` needs of a document is its text (`toString()`); a String object has it.
      return `export default /* @__PURE__ */ new String(${found[1]});`;
    },
    transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (!/\.tsx?$/.test(file) || file.includes('/src/gql/')) return;
      const imported = importGraphql.exec(code);
      if (!imported) return;
      const names = new Set<string>();
      const rewritten = code.replace(call, (match, kind: string, name: string) => {
        if (kind === 'fragment') this.error(`${file}: fragments are not split yet (${name})`);
        names.add(`${name}Document`);
        // Same number of lines as before, so positions after it still match the source.
        return `__${name}Document${'\n'.repeat(match.split('\n').length - 1)}`;
      });
      if (/\bgraphql\(/.test(rewritten.replace(importGraphql, ''))) {
        this.error(`${file}: a graphql() call this plugin cannot rewrite (it must be a literal named operation)`);
      }
      const imports = [...names].map((n) => `import __${n} from '${prefix}${n}';`).join(' ');
      return { code: rewritten.replace(importGraphql, imports), map: null };
    },
  };
}

/** `pnpm dev`: `/s/<token>` opens the respondent form from source, as the server serves the built one. */
function respondentDevPage(): Plugin {
  return {
    name: 'diemcau:respondent-dev-page',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        if (!req.url?.startsWith('/s/')) return next();
        const html = surveyPageHtml('<script type="module" src="/src/survey/embed.tsx"></script>');
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(await server.transformIndexHtml(req.url, html));
      });
    },
  };
}

/** `pnpm dev`: `/operator/<id>` and `/check-in/<id>` open their own small pages, as the server serves them. */
function livePhoneDevPages(): Plugin {
  const pages: [string, string][] = [
    ['/operator/', 'operator.html'],
    ['/check-in/', 'check-in.html'],
  ];
  return {
    name: 'diemcau:live-phone-dev-pages',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use(async (req, res, next) => {
        const page = pages.find(([prefix]) => req.url?.startsWith(prefix));
        if (!page || !req.url) return next();
        const html = await readFile(fileURLToPath(new URL(`./${page[1]}`, import.meta.url)), 'utf8');
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(await server.transformIndexHtml(req.url, html));
      });
    },
  };
}

export default defineConfig({
  plugins: [graphqlDocuments(), preact(), respondentDevPage(), livePhoneDevPages()],
  build: { outDir: 'dist', assetsDir: 'assets' },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/graphql': api,
      '/socket.io': { target: api, ws: true },
      '/healthz': api,
      '/readyz': api,
      // Downloads: CSV/XLSX exports, attendance records.
      '/api': api,
    },
  },
});
