/** Types of Comlink's Node adapter (the package ships them without the `.mjs` file's name). */
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { Endpoint } from 'comlink';

  interface NodeMessagePort {
    postMessage(message: unknown, transfer?: readonly ArrayBuffer[]): void;
    on(type: 'message', listener: (value: unknown) => void): void;
    off(type: 'message', listener: (value: unknown) => void): void;
    start?: () => void;
  }

  export default function nodeEndpoint(port: NodeMessagePort): Endpoint;
}
