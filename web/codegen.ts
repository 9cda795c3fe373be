import type { CodegenConfig } from '@graphql-codegen/cli';

/** Types every GraphQL document in `src/` against the committed schema; run `pnpm --filter @diemcau/web codegen`. */
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['src/**/*.{ts,tsx}'],
  ignoreNoDocuments: true,
  generates: {
    // CODEGEN_OUT lets the drift test generate into a scratch folder and compare.
    [process.env.CODEGEN_OUT ?? './src/gql/']: {
      preset: 'client',
      config: {
        // Documents are plain strings: no graphql-js in the browser bundle.
        documentMode: 'string',
        // Enums as string-literal unions (client-preset 6 spells the former `enumsAsTypes: true` this way).
        enumType: 'string-literal',
        useTypeImports: true,
        importExtension: '.ts',
        scalars: { DateTimeISO: 'string' },
      },
    },
  },
};

export default config;
