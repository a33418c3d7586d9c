// `npm start`: build dist/ if a source changed, then run the gateway in this same process, so an
// unchanged tree costs one Node start-up, not three (npm's prestart would add a shell and a Node).
import process from 'node:process';
import { build } from './build.mjs';

const status = build();
if (status !== 0) process.exit(status);
await import('../dist/src/main.js');
