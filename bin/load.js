// Loads rel's bundle (dist/rel.js) with V8's code cache (dist/rel.js.cache): Node 20 has no built-in
// compile cache (module.enableCompileCache is Node 22), and parsing and compiling the bundle is a third
// of rel's start-up. The cache is made at build time by a warm-up run of the usual commands; V8 checks it
// against the source and its own version and flags, and rejects a stale one, which rel then replaces
// if it may write there. What v8-compile-cache does, for one file.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

function load(file = path.join(__dirname, '..', 'dist', 'rel.js')) {
  const cacheFile = `${file}.cache`;
  const source = fs.readFileSync(file, 'utf8');
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const mod = { exports: {} };
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  const stale = cachedData === undefined || script.cachedDataRejected;
  /** Writes the cache with what has been compiled so far (call it after the work, so it holds more). */
  const saveCache = (force = false) => {
    if (!stale && !force) return;
    try {
      const tmp = `${cacheFile}.${process.pid}`;
      fs.writeFileSync(tmp, script.createCachedData());
      fs.renameSync(tmp, cacheFile);
    } catch {
      /* a read-only install: run without a cache */
    }
  };
  return { ...mod.exports, saveCache };
}

module.exports = { load };
