/** The Node simulation thread (created by workers/node-pool.ts): the browser worker's API over worker_threads. */
import { parentPort } from 'node:worker_threads';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { serveSimulation } from './simulation-worker-api';
import type { MessageEndpoint } from './worker-slot';

if (!parentPort) throw new Error('simulation.node-worker must run as a worker thread');
serveSimulation(nodeEndpoint(parentPort) as MessageEndpoint);
