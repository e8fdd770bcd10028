/** Messages between workers/node-pool.ts and its threads (workers/simulation.node-worker.ts). */
import type { CompiledModel } from '../src/core/scenario/kernel';
import type { ChunkDetail } from './simulation-service';

export type NodeRequest =
  | { id: number; type: 'setModel'; key: number; model: CompiledModel }
  | {
      id: number;
      type: 'simulate';
      key: number;
      seed: number;
      runStart: number;
      runCount: number;
      detail?: ChunkDetail;
    };

export type NodeReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { name: string; message: string; stack?: string } };
