#!/usr/bin/env node
// The `gasdesk` command. Runs the TypeScript sources through tsx so that it works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../main.ts');
process.exitCode = await main(process.argv.slice(2));
