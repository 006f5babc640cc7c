#!/usr/bin/env node
const { main, realDeps, saveCache } = require('./load.js').load();
main(process.argv.slice(2), realDeps()).then((code) => ((process.exitCode = code), saveCache()));
