/**
 * The Node simulation thread (worker_threads) behind workers/node-pool.ts: the same service as the
 * browser worker, over a small typed message protocol instead of Comlink. Blocks go back transferred.
 */
import { parentPort } from 'node:worker_threads';
import { createSimulationService, FULL_DETAIL, hookedFate, kernelOptions } from './simulation-service';
import type { NodeReply, NodeRequest } from './node-protocol';
import { transferablesOf } from './transfer';

const port = parentPort;
if (!port) throw new Error('simulation.node-worker.ts must run as a worker thread');
const service = createSimulationService();

port.on('message', (message: NodeRequest) => {
  try {
    switch (message.type) {
      case 'setModel':
        service.setModel(message.key, message.model);
        reply({ id: message.id, ok: true, value: null });
        return;
      case 'simulate': {
        const fate = hookedFate(service.model(message.key), message.runStart, message.runCount);
        if (fate === 'die') process.exit(3);
        if (fate === 'hang') return;
        const block = service.simulate(
          message.key,
          message.seed,
          message.runStart,
          message.runCount,
          kernelOptions(message.detail ?? FULL_DETAIL),
        );
        reply({ id: message.id, ok: true, value: block }, transferablesOf(block));
        return;
      }
    }
  } catch (error) {
    const { name, message: text, stack } = error instanceof Error ? error : new Error(String(error));
    reply({ id: message.id, ok: false, error: { name, message: text, stack } });
  }
});

function reply(value: NodeReply, transfer: ArrayBuffer[] = []): void {
  port?.postMessage(value, transfer);
}
