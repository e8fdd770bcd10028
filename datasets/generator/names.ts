/**
 * Synthetic bilingual enterprise names: a two-character trade name (with its pinyin) plus a
 * sector word. Trade names are invented; well-known real company names were left out on purpose.
 */
import type { SectorCode } from '../../src/core/sectors.ts';
import type { Rng } from './prng.ts';

// prettier-ignore
const TRADE_NAMES: readonly (readonly [string, string])[] = [
  ['苏通', 'Sutong'], ['江海', 'Jianghai'], ['通润', 'Tongrun'], ['华昌', 'Huachang'],
  ['瑞丰', 'Ruifeng'], ['金桥', 'Jinqiao'], ['海晟', 'Haisheng'], ['润禾', 'Runhe'],
  ['东辰', 'Dongchen'], ['星达', 'Xingda'], ['博远', 'Boyuan'], ['嘉联', 'Jialian'],
  ['中溢', 'Zhongyi'], ['汇鑫', 'Huixin'], ['永新', 'Yongxin'], ['德润', 'Derun'],
  ['昊阳', 'Haoyang'], ['泰和', 'Taihe'], ['诚益', 'Chengyi'], ['鼎盛', 'Dingsheng'],
  ['亿丰', 'Yifeng'], ['远航', 'Yuanhang'], ['聚源', 'Juyuan'], ['安捷', 'Anjie'],
  ['锦程', 'Jincheng'], ['港城', 'Gangcheng'], ['濠河', 'Haohe'], ['启瀚', 'Qihan'],
  ['凯盛', 'Kaisheng'], ['立信', 'Lixin'], ['鸿运', 'Hongyun'], ['盛泰', 'Shengtai'],
  ['同创', 'Tongchuang'], ['弘毅', 'Hongyi'], ['华瑞', 'Huarui'], ['广源', 'Guangyuan'],
  ['瀚海', 'Hanhai'], ['沃德', 'Wode'], ['科润', 'Kerun'], ['江元', 'Jiangyuan'],
  ['通沪', 'Tonghu'], ['洋口', 'Yangkou'], ['宁远', 'Ningyuan'], ['海启', 'Haiqi'],
  ['富江', 'Fujiang'], ['兴海', 'Xinghai'], ['蓝海', 'Lanhai'], ['普瑞', 'Purui'],
  ['华腾', 'Huateng'], ['汉泰', 'Hantai'], ['青澄', 'Qingcheng'], ['碧源', 'Biyuan'],
  ['森禾', 'Senhe'], ['锐驰', 'Ruichi'], ['精诚', 'Jingcheng'], ['至诚', 'Zhicheng'],
  ['海纳', 'Haina'], ['宏图', 'Hongtu'], ['利源', 'Liyuan'], ['安泰', 'Antai'],
  ['新宇', 'Xinyu'], ['宝通', 'Baotong'], ['鑫源', 'Xinyuan'], ['崇瑞', 'Chongrui'],
  ['沿江', 'Yanjiang'], ['通洲', 'Tongzhou'], ['恒晖', 'Henghui'], ['昌盛', 'Changsheng'],
  ['云帆', 'Yunfan'], ['拓海', 'Tuohai'], ['嘉禾', 'Jiahe'], ['晟达', 'Shengda'],
];

// prettier-ignore
const SECTOR_WORDS: Record<Exclude<SectorCode, 'chp'>, readonly (readonly [string, string])[]> = {
  electronics: [
    ['精密电子', 'Precision Electronics'], ['微电子', 'Microelectronics'], ['光电科技', 'Optoelectronics'],
    ['半导体', 'Semiconductor'], ['电子材料', 'Electronic Materials'], ['智能终端', 'Smart Devices'],
    ['电路科技', 'Circuit Technology'], ['显示科技', 'Display Technology'],
  ],
  chemicals: [
    ['化工', 'Chemical'], ['新材料', 'New Materials'], ['精细化工', 'Fine Chemicals'],
    ['高分子材料', 'Polymer Materials'], ['涂料', 'Coatings'], ['化学助剂', 'Chemical Additives'],
  ],
  pharma: [
    ['药业', 'Pharmaceutical'], ['生物医药', 'Biopharma'], ['制药', 'Pharmaceutical Manufacturing'],
    ['医药科技', 'Medical Technology'], ['生物科技', 'Biotechnology'],
  ],
  machinery: [
    ['机械', 'Machinery'], ['重工', 'Heavy Industry'], ['装备制造', 'Equipment Manufacturing'],
    ['精工', 'Precision Engineering'], ['智能装备', 'Intelligent Equipment'], ['泵业', 'Pumps'],
    ['阀门', 'Valves'], ['液压', 'Hydraulics'],
  ],
  auto_parts: [
    ['汽车零部件', 'Auto Parts'], ['汽车配件', 'Automotive Components'], ['传动系统', 'Drivetrain Systems'],
    ['汽车电子', 'Automotive Electronics'], ['制动系统', 'Braking Systems'], ['车灯', 'Automotive Lighting'],
  ],
  metal_products: [
    ['金属制品', 'Metal Products'], ['钢结构', 'Steel Structures'], ['五金', 'Hardware'],
    ['精密铸造', 'Precision Casting'], ['紧固件', 'Fasteners'], ['表面处理', 'Surface Treatment'],
  ],
  plastics: [
    ['塑业', 'Plastics'], ['橡塑', 'Rubber & Plastics'], ['塑胶制品', 'Plastic Products'],
    ['包装材料', 'Packaging Materials'], ['橡胶', 'Rubber'],
  ],
  textiles: [
    ['纺织', 'Textile'], ['印染', 'Dyeing & Finishing'], ['织造', 'Weaving'], ['家纺', 'Home Textiles'],
    ['化纤', 'Synthetic Fibre'],
  ],
  food: [
    ['食品', 'Food'], ['乳业', 'Dairy'], ['饮料', 'Beverage'], ['粮油', 'Grain & Oil'], ['调味品', 'Condiments'],
  ],
  logistics: [
    ['物流', 'Logistics'], ['供应链', 'Supply Chain'], ['仓储', 'Warehousing'], ['运输', 'Transport'],
    ['冷链物流', 'Cold-chain Logistics'],
  ],
  data_centre: [
    ['数据科技', 'Data Technology'], ['云计算', 'Cloud Computing'], ['算力科技', 'Computing Technology'],
    ['信息港', 'Information Port'],
  ],
  commercial: [
    ['置业', 'Real Estate'], ['商业管理', 'Commercial Management'], ['物业服务', 'Property Services'],
    ['酒店管理', 'Hotel Management'], ['商务服务', 'Business Services'],
  ],
};

/** Hands out unique names per park. */
export class NameBook {
  readonly #used = new Set<string>();

  /** A new bilingual name for an enterprise of the sector (never repeats within this book). */
  next(rng: Rng, sector: Exclude<SectorCode, 'chp'>): { zh: string; en: string } {
    for (let attempt = 0; attempt < 500; attempt++) {
      const [tz, te] = rng.pick(TRADE_NAMES);
      const [sz, se] = rng.pick(SECTOR_WORDS[sector]);
      const shareholding = rng.chance(0.2);
      const zh = `${tz}${sz}${shareholding ? '股份' : ''}有限公司`;
      if (this.#used.has(zh) || this.#used.has(tz + sz)) continue;
      this.#used.add(zh);
      this.#used.add(tz + sz);
      return { zh, en: `${te} ${se} Co., Ltd.` };
    }
    throw new Error(`ran out of names for ${sector}`);
  }

  /** Reserves a fixed name (e.g. the CHP plant) so no generated name repeats it. */
  reserve(zh: string): void {
    this.#used.add(zh);
  }
}
