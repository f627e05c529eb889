#!/usr/bin/env node
// The workspace links this file as `connector-alm`, so `npx connector-alm` works right after `npm ci`.
'use strict';

// Node.js 22.1 and later can keep V8's compiled code of the 3.6 MB bundle on disk, so that every run
// after the first skips compiling it: about 50 ms of the 260 ms that validating one connector takes on
// Node.js 24. Node.js 20 has no such cache, and runs as before.
const { enableCompileCache } = require('node:module');
if (enableCompileCache && !process.env.NODE_DISABLE_COMPILE_CACHE) {
  const directory = privateCacheDirectory();
  if (directory !== null) enableCompileCache(directory);
}
require('../../../dist/cli/index.cjs');

/**
 * Where the compiled code is kept: where NODE_COMPILE_CACHE says (undefined: Node.js reads it), else a
 * folder of the user's own in the temporary folder, made readable and writable by the user alone.
 * Node.js's default, one folder in /tmp for every user of the machine, would let another user put
 * compiled code there for this one to run; a folder that is not the user's alone is not used (null).
 * Windows keeps a temporary folder per user: Node.js's default there.
 */
function privateCacheDirectory() {
  if (process.env.NODE_COMPILE_CACHE || typeof process.getuid !== 'function') return undefined;
  const fs = require('node:fs');
  const path = require('node:path');
  const uid = process.getuid();
  const directory = path.join(require('node:os').tmpdir(), `connector-alm-compile-cache-${uid}`);
  try {
    fs.mkdirSync(directory, { mode: 0o700 });
  } catch (error) {
    if (error.code !== 'EEXIST') return null;
  }
  try {
    const stat = fs.lstatSync(directory);
    return stat.isDirectory() && stat.uid === uid && (stat.mode & 0o077) === 0 ? directory : null;
  } catch {
    return null;
  }
}
