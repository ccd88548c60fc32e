// Bundles the stub's own modules into a few files (the `build` task, after the declarations are
// written). Loaded one by one, the ~60 modules of src/ cost the ESM loader about 40 ms of a
// cold start (resolve, stat and read per module); bundled, they load in a handful of files. Every
// dependency stays external and every dynamic import stays lazy (code splitting): the signer, the
// data generator, the docs page, the proxy and the served document still load on first use.
// Besides the package's entry points, the modules the benchmarks and tests import from dist/ by
// path are entries too, so they share the entries' chunks (one instance of each module).
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

/** Removes the JavaScript an earlier build left in dist/ and their source maps (the declarations stay). */
function removeJs(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) removeJs(path);
    else if (name.endsWith('.js') || name.endsWith('.js.map')) rmSync(path);
  }
}
removeJs(dist);

await build({
  absWorkingDir: root,
  entryPoints: [
    // The package's exports and its bin.
    'src/index.ts',
    'src/node.ts',
    'src/vitest.ts',
    'src/cli.ts',
    // Imported by path by bench/ (createStubAdjusted and the route table of the ablation servers).
    'src/create-stub.ts',
    'src/generated/routes.gen.ts',
  ],
  outbase: 'src',
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  packages: 'external',
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: true,
  logLevel: 'warning',
});
