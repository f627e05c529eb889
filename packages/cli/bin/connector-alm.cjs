#!/usr/bin/env node
// The workspace links this file as `connector-alm`, so `npx connector-alm` works right after `npm ci`.
require('../../../dist/cli/index.cjs');
