#!/usr/bin/env node
// rel's entry point. Plain CommonJS in the oldest syntax, so that any Node can read it and say why it
// stops: rel needs Node 22 (better-sqlite3 13, module.enableCompileCache). Nothing native loads before.
'use strict';
var version = process.versions.node;
if (Number(version.split('.')[0]) < 22) {
  process.stderr.write('rel: rel needs Node.js 22 or later (this is Node.js ' + version + ')\n');
  process.exitCode = 1;
} else {
  require('./start.js');
}
