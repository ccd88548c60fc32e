import { createModelArtsClient } from '@modelarts-lite/client';
import { exercise, PROJECT } from './shared.js';

// The stub started from the installed CLI (its URL is argv[2]) with an operation preloaded from a
// state file that finishes a few seconds after the stub starts; argv[3] is its id.
const [url, operationId] = process.argv.slice(2) as [string, string];
const client = createModelArtsClient({
  baseUrl: url,
  auth: { token: 'consumer' },
  projectId: PROJECT,
});
console.log(JSON.stringify(await exercise(client, operationId, { intervalMs: 100 })));
