// The one bundle of the server side (dist/hsconfig.js): the language server and the CLI share every module, so
// dist/server.js and dist/cli.js are two-line starters that call into it (two bundles carried the same catalogues and
// services twice, 140 KB of the .vsix).

export { runServer } from './serverMain';
export { runCli } from '../cli/cli';
