/**
 * Objects kept for the program's life so that their hidden classes never die. V8 holds a hidden class
 * only while some object has it; when the last one goes, a garbage collection drops the class and
 * throws away every function compiled for it ("weak objects"), to be compiled again on its next call.
 * For short-lived literals made by each summary (work spaces, small records), that is a recompilation
 * after every pause between two samples. An object literal of the same properties in the same order,
 * with numbers of the same kind (a fraction where the real objects hold fractions: a field holding
 * doubles has another hidden class than one holding small integers), kept here, holds the class alive
 * (test/unit/core/scenario/kernel-jit.test.ts watches this).
 */
const kept: object[] = [];

/** Keeps `exemplar` (and so its hidden class) alive for the program's life; returns it. */
export function keepShape<T extends object>(exemplar: T): T {
  kept.push(exemplar);
  return exemplar;
}
