#!/usr/bin/env node
import { main, realDeps } from '../dist/rel.js';
process.exitCode = await main(process.argv.slice(2), realDeps());
