// Entry of every Node simulation thread. Node 20 does not carry tsx's `--import` hooks into worker
// threads (privatenumber/tsx#354), so the thread registers tsx itself before importing its real
// TypeScript entry, named in workerData.entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
