/**
 * The built-in workshop story: the park today → business as usual → what the plan does → going further
 * → what neutrality takes → what drives the uncertainty → your turn. Written as a story document, so it
 * goes through the same validator as a trainer's own (docs/workshop.md). The texts describe what the
 * chart shows rather than quoting figures, which depend on the park and the run.
 */
import { parseStory, type Story } from './story';

export const DEFAULT_STORY_DOCUMENT = {
  version: 1,
  title: { zh: '园区的达峰与中和之路', en: "The park's road to peak and neutrality" },
  steps: [
    {
      title: { zh: '园区的今天', en: 'The park today' },
      text: {
        zh: '深色实线是园区自己的碳盘查结果，到最近一个数据年份为止。之后的一切都是模拟：同一模型按不同的未来假设运行上万次。',
        en: "The dark line is the park's own inventory, up to the latest year of data. Everything after it is simulated: one model, run ten thousand times over different possible futures.",
      },
      preset: 'bau',
      highlight: 'history',
    },
    {
      title: { zh: '照常发展', en: 'Business as usual' },
      text: {
        zh: '没有新政策：产值继续增长，能效按历史趋势改善。粗线是总排放的中位数——一半的模拟结果高于它，一半低于它。',
        en: 'No new policy: output keeps growing, efficiency improves at its historical pace. The thick line is the median of gross emissions: half of the runs end above it, half below.',
      },
      preset: 'bau',
      highlight: 'gross',
    },
    {
      title: { zh: '行动方案能做到什么', en: 'What the plan does' },
      text: {
        zh: '园区行动方案的措施：节能、煤改气、电气化、屋顶光伏、绿电。看 2030 年的标线和上方的达峰概率有什么变化。',
        en: "The park's action plan: efficiency, coal to gas, electrification, rooftop PV, green power. Watch the 2030 mark and the chance of peaking by 2030 above.",
      },
      preset: 'policy',
      highlight: 'target2030',
    },
    {
      title: { zh: '更进一步', en: 'Going further' },
      text: {
        zh: '碳中和导向情景：更深的电气化、近乎全部绿电、CCUS、更多碳汇和抵销。虚线是净排放：总排放减去碳汇、捕集和抵销。',
        en: 'The neutrality-oriented scenario: deeper electrification, almost all green power, CCUS, more sinks and offsets. The dashed line is net emissions: gross minus sinks, capture and offsets.',
      },
      preset: 'ambitious',
      highlight: 'net',
    },
    {
      title: { zh: '碳中和需要什么', en: 'What neutrality takes' },
      text: {
        zh: '在此基础上把捕集率和抵销上限都调到最高。净排放能否在 2060 年降到零以下？看 2060 年的标线和上方的概率——以及它离确定还有多远。',
        en: 'On top of that, capture and offsets at their highest settings. Do net emissions reach zero by 2060? Watch the 2060 mark and the chance above, and how far it still is from certain.',
      },
      preset: 'ambitious',
      levers: { ccus: 0.95, offsets: 0.2 },
      highlight: 'target2060',
    },
    {
      title: { zh: '不确定性从哪里来', en: 'What drives the uncertainty' },
      text: {
        zh: '阴影带是 90% 和 50% 的模拟结果所在的范围：它来自谁也无法确知的因素，例如产值增长有多快。这里电网脱碳又只按默认路径的一半速度推进——这是园区无法控制的——整个扇形随之上移。下方列出本次运行中影响最大的不确定因素。',
        en: 'The shaded bands hold 90 % and 50 % of the runs: the spread comes from what nobody knows for sure, such as how fast output grows. Here the grid also decarbonises at half its default pace, which the park does not control: the whole fan moves up. Below, the biggest sources of uncertainty in this run.',
      },
      preset: 'policy',
      levers: { gridSpeed: 0.5 },
      highlight: 'bands',
    },
    {
      title: { zh: '轮到您了', en: 'Your turn' },
      text: {
        zh: '从行动方案出发，拖动左侧的杠杆，看图和概率如何回应。按 1、2、3 切换情景，R 复位，? 查看全部快捷键。',
        en: 'Start from the action plan and move the levers on the left: the chart and the odds answer. Press 1, 2, 3 for the scenarios, R to reset, ? for all shortcuts.',
      },
      preset: 'policy',
    },
  ],
};

/** The built-in story, validated like any story (a failure here is a bug, not user input). */
export function defaultStory(): Story {
  const r = parseStory(DEFAULT_STORY_DOCUMENT, undefined, 'built-in story');
  if (!r.ok) throw new Error(`The built-in story is invalid: ${r.problems.map((p) => p.reason).join('; ')}`);
  return r.story;
}
