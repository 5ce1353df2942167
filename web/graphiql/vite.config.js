import { defineConfig } from 'vite';

// Built into the API's wwwroot and served under /graphiql/ (the HTML itself is answered at GET /graphql).
// TASKFORGE_GRAPHIQL_OUT lets the MSBuild target choose the folder; the default is the API project's wwwroot.
export default defineConfig({
  base: '/graphiql/',
  build: {
    outDir: process.env.TASKFORGE_GRAPHIQL_OUT ?? '../../src/Api/wwwroot/graphiql',
    emptyOutDir: true,
    chunkSizeWarningLimit: 8000,
    reportCompressedSize: false,
    rollupOptions: {
      // framer-motion (through GraphiQL) marks modules "use client", which means nothing in a plain bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  logLevel: 'warn',
});
