// Worker entry when the pool runs from TypeScript sources (jest compiles through swc and has no dist/):
// compiles each required .ts file with swc, as jest does, and resolves the @clausewatch/* aliases.
// From dist/ the pool loads the compiled analysis.worker.js directly and this file is not used.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');
const { addHook } = require('pirates');

const root = join(__dirname, '../../../../..');
const { paths } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions;
const originalResolve = Module._resolveFilename;
Module._resolveFilename = function resolveAlias(request, ...rest) {
  const target = paths[request];
  return originalResolve.call(this, target ? join(root, target[0]) : request, ...rest);
};
addHook(
  (code, filename) =>
    transformSync(code, {
      filename,
      swcrc: false,
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
    }).code,
  { exts: ['.ts'], ignoreNodeModules: true },
);
module.exports = require('./analysis.worker.ts');
