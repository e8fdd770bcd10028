/**
 * The layer rules of `npm run check` bite at any depth: the ESLint configuration refuses a core file in
 * a subfolder that imports another layer, Node or Svelte or reads a DOM/Node global; a chart that
 * imports the data layer; a worker that imports the UI. (tsconfig.core.json, also in the check,
 * type-checks the core without DOM types.)
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('layer rules', () => {
  const bad: [string, string][] = [
    ['src/core/scenario/deep/x.ts', "import { a } from '../../../data/port';\nexport const b = a;\n"],
    ['src/core/scenario/x.ts', "import { a } from '../../ui/hash';\nexport const b = a;\n"],
    ['src/core/x.ts', "import { a } from '../../workers/transfer';\nexport const b = a;\n"],
    ['src/core/stats/x.ts', "import { readFileSync } from 'node:fs';\nexport const b = readFileSync;\n"],
    ['src/core/stats/x.ts', "import { mount } from 'svelte';\nexport const b = mount;\n"],
    ['src/charts/pathways/x.ts', "import { a } from '../../data/port';\nexport const b = a;\n"],
    ['workers/x.ts', "import { a } from '../src/ui/hash';\nexport const b = a;\n"],
  ];
  for (const [file, code] of bad) {
    it(`refuses ${code.split('\n')[0]} in ${file}`, async () => {
      expect(await ruleIds(file, code)).toContain('no-restricted-imports');
    });
  }

  it('refuses DOM and Node globals in a core subfolder', async () => {
    const ids = await ruleIds(
      'src/core/scenario/deep/x.ts',
      'export const a = () => [document.title, process.cwd()];\n',
    );
    expect(ids.filter((id) => id === 'no-restricted-globals')).toHaveLength(2);
  });

  it('accepts the core importing itself and its libraries', async () => {
    const ids = await ruleIds(
      'src/core/scenario/deep/x.ts',
      "import * as v from 'valibot';\nimport { fail } from '../../../errors';\nexport const a = [v, fail];\n",
    );
    expect(ids).toEqual([]);
  });
});
