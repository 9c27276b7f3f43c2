// Bundles bpmnlint, the rules .bpmnlintrc enables and the BPMN/Camunda moddle into one script that
// the running application evaluates in its own JavaScript engine (models.BpmnLint), so the deploy
// gate lints a diagram with exactly the rules the build uses, without node on the server.
//
//   node tools/bpmnlint-bundle.mjs <output.js>
//
// The script defines one global function, claimdeskBpmnlint(xml), returning a promise of a JSON
// string: [{rule, id, message, category}] for every report, or {"parseError": "..."}.
// The Maven build runs it in generate-resources (after npm ci); nothing is downloaded here.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const output = resolve(process.cwd(), process.argv[2] ?? 'target/classes/bpmnlint/claimdesk-bpmnlint.js');
const require = createRequire(join(root, 'package.json'));
const compileConfig = require('bpmnlint/lib/support/compile-config');
const esbuild = require('esbuild');

const work = join(root, 'target', 'bpmnlint-bundle');
mkdirSync(work, { recursive: true });
const config = JSON.parse(readFileSync(join(root, '.bpmnlintrc'), 'utf8'));
writeFileSync(join(work, 'config.mjs'), await compileConfig(config));
writeFileSync(join(work, 'entry.mjs'), `
import { BpmnModdle } from 'bpmn-moddle';
import { Linter } from 'bpmnlint';
import bundle from './config.mjs';

globalThis.claimdeskBpmnlint = async function(xml) {
  let definitions;
  try {
    const parsed = await new BpmnModdle(bundle.moddleExtensions).fromXML(xml, 'bpmn:Definitions');
    definitions = parsed.rootElement;
  } catch (error) {
    return JSON.stringify({ parseError: String(error && error.message || error) });
  }
  const reports = await new Linter({ config: bundle.config, resolver: bundle.resolver }).lint(definitions);
  const found = [];
  for (const [ rule, list ] of Object.entries(reports)) {
    for (const report of list) {
      found.push({ rule, id: report.id || '', message: report.message, category: report.category });
    }
  }
  return JSON.stringify(found);
};
`);

await esbuild.build({
  entryPoints: [ join(work, 'entry.mjs') ],
  outfile: output,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  legalComments: 'none',
  logLevel: 'warning'
});
console.log(`bpmnlint bundle: ${output}`);
