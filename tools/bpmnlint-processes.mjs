// Runs bpmnlint, configured by the project's .bpmnlintrc, on every .bpmn file under the given
// files or directories (default: processes/). The Maven build runs it in the test phase.
//
//   node tools/bpmnlint-processes.mjs                  lint processes/**/*.bpmn
//   node tools/bpmnlint-processes.mjs some/dir x.bpmn  lint those
//
// With no .bpmn file under processes/ yet it says so and exits 0; otherwise it exits with
// bpmnlint's status: 0 when there is no error (warnings are printed), 1 on a lint error.
// It calls the locally installed bpmnlint (`npm ci` first) and never downloads anything.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const explicit = process.argv.slice(2);
const targets = explicit.length ? explicit : [ 'processes' ];

function bpmnFilesUnder(path) {
  if (!statSync(path).isDirectory()) {
    return [ path ];
  }
  return readdirSync(path, { withFileTypes: true })
    .filter(entry => !entry.name.startsWith('.'))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap(entry => {
      const child = join(path, entry.name);
      if (entry.isDirectory()) {
        return bpmnFilesUnder(child);
      }
      return entry.name.endsWith('.bpmn') ? [ child ] : [];
    });
}

const files = [];
for (const target of targets) {
  const path = resolve(process.cwd(), target);
  if (!existsSync(path)) {
    if (explicit.length) {
      console.error(`bpmnlint: ${target} does not exist`);
      process.exit(2);
    }
    continue;
  }
  files.push(...bpmnFilesUnder(path));
}

if (files.length === 0) {
  console.log(`bpmnlint: no .bpmn file under ${targets.join(', ')} - nothing to lint`);
  process.exit(0);
}

const bpmnlint = join(root, 'node_modules', 'bpmnlint', 'bin', 'bpmnlint.js');
if (!existsSync(bpmnlint)) {
  console.error(`bpmnlint: not installed - run \`npm ci\` in ${root}`);
  process.exit(2);
}

const shown = files.map(file => relative(root, file));
console.log(`bpmnlint: ${shown.length} file(s): ${shown.join(' ')}`);

// bpmnlint reads .bpmnlintrc and resolves plug-ins and moddle extensions from its working directory.
const result = spawnSync(process.execPath, [ bpmnlint, '--config', '.bpmnlintrc', ...shown ], {
  cwd: root,
  stdio: 'inherit'
});
if (result.error) {
  console.error(`bpmnlint: could not run: ${result.error.message}`);
  process.exit(2);
}
if (result.status === 0) {
  console.log(`bpmnlint: ${shown.length} file(s) passed`);
}
process.exit(result.status ?? 1);
