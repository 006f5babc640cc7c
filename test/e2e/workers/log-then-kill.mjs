// Logs one touch, then dies by SIGKILL right after the commit: nothing gets a chance to flush or close.
import { createRequire } from 'node:module';

const { main, realDeps } = createRequire(import.meta.url)('../../../dist/rel.js');

const code = await main(['log', 'maya', '-m', 'survives a SIGKILL'], realDeps());
if (code === 0) process.kill(process.pid, 'SIGKILL');
process.exitCode = code;
