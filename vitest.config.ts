import { defineConfig } from 'vitest/config';

// electron-vite resolves `./worker?modulePath` to the built worker chunk's path. Under vitest the
// source file is used instead (the worker registers tsx itself to run TypeScript).
const modulePathToSource = {
  name: 'module-path-to-source',
  enforce: 'pre' as const,
  async resolveId(
    this: { resolve: (s: string, i?: string) => Promise<{ id: string } | null> },
    source: string,
    importer?: string,
  ) {
    if (!source.endsWith('?modulePath')) return null;
    const resolved = await this.resolve(source.slice(0, -'?modulePath'.length), importer);
    return resolved ? `\0module-path:${resolved.id}` : null;
  },
  load(id: string) {
    if (!id.startsWith('\0module-path:')) return null;
    return `export default ${JSON.stringify(id.slice('\0module-path:'.length))};`;
  },
};

export default defineConfig({
  plugins: [modulePathToSource],
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // .ci/run totals the JSON report with Playwright's into one closing line.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
