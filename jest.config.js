// Jest 30 on Node 20 cannot require() the ESM-only @nestjs/* packages, so swc transpiles
// them to CommonJS; ts-jest compiles our own TypeScript with the Swagger plugin applied.
const { readFileSync } = require('node:fs');

const { compilerOptions } = JSON.parse(readFileSync(`${__dirname}/tsconfig.json`, 'utf8'));
const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths ?? {})) {
  moduleNameMapper[`^${alias.replace('/*', '/(.*)')}$`] =
    `<rootDir>/${target.replace(/^\.\//, '').replace('/*', '/$1')}`;
}
const ESM_ONLY = [
  '@nestjs',
  'file-type',
  'strtok3',
  'token-types',
  '@tokenizer',
  '@borewit',
  'uint8array-extras',
  'content-disposition',
  // openapi-typescript (test/contract) is CJS but needs these ESM-only packages.
  'openapi-typescript',
  'parse-json',
  'index-to-position',
  'supports-color',
  'yargs-parser',
  'change-case',
  // @fastify/cookie loads the ESM-only `cookie` with import(), which jest on Node 20 cannot run.
  '@fastify/cookie',
  'cookie',
];

const shared = {
  rootDir: '.',
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironment: 'node',
  moduleNameMapper,
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      {
        tsconfig: '<rootDir>/tsconfig.json',
        astTransformers: { before: ['<rootDir>/swagger-jest-transformer.js'] },
      },
    ],
    '^.+\\.m?js$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2023' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_ONLY.join('|')})/)`],
};

module.exports = {
  // A suite that fails half-way may leave a server or pool behind; the run must still end with
  // its verdict instead of waiting for CI's time limit.
  forceExit: true,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      roots: ['<rootDir>/apps/', '<rootDir>/libs/'],
      testRegex: '\\.spec\\.ts$',
    },
    {
      ...shared,
      displayName: 'e2e',
      roots: ['<rootDir>/test/'],
      testRegex: '\\.e2e-spec\\.ts$',
      setupFilesAfterEnv: ['<rootDir>/test/helpers/jest-timeouts.ts'],
    },
  ],
};
