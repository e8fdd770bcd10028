/** The browser simulation worker (created by workers/simulation-runner.ts). */
import { serveSimulation } from './simulation-worker-api';
import type { MessageEndpoint } from './worker-slot';

serveSimulation(self as unknown as MessageEndpoint);
