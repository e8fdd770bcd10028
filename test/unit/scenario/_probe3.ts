import { handBaseline } from './fixtures';
import { compileScenario, simulateBlock } from '../../../src/core/scenario/kernel';
import { presetScenario } from '../../../src/core/scenario/presets';
import { summarize } from '../../../src/core/scenario/summary';
const b = handBaseline();
const m = compileScenario(presetScenario('policy'), b);
const blk = simulateBlock(m, 1, 0, 10000);
for (let i = 0; i < 5; i++) summarize(m, blk, 1);
