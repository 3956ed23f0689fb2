// Node module hooks for the benchmarks: electron-vite turns `./worker?modulePath` into the built
// worker's path, and vitest maps it to the source file (vitest.config.ts). Plain tsx does neither,
// so this does what vitest does: the import's default export is the source file's path.
import { fileURLToPath } from 'node:url';

const SUFFIX = '?modulePath';
const PREFIX = 'module-path:';

export async function resolve(specifier, context, nextResolve) {
  if (!specifier.endsWith(SUFFIX)) return nextResolve(specifier, context);
  const target = await nextResolve(specifier.slice(0, -SUFFIX.length), context);
  return { url: `${PREFIX}${target.url}`, shortCircuit: true };
}

export async function load(url, context, nextLoad) {
  if (!url.startsWith(PREFIX)) return nextLoad(url, context);
  const path = fileURLToPath(url.slice(PREFIX.length));
  return { format: 'module', source: `export default ${JSON.stringify(path)};`, shortCircuit: true };
}
