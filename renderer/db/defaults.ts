import type { Category } from '../../shared/types';
import type { ClaimmarkDB } from './db';

/**
 * The default codebook for claim analysis. Colours are mid-tone so that, drawn
 * translucent under the text, they stay legible on both light and dark paper.
 */
export const DEFAULT_CATEGORIES: readonly Omit<Category, 'id'>[] = [
  {
    name: 'Statistic 数据',
    color: '#e0a100',
    description: 'A number, amount or rate offered as fact. 以数字、数量或比率呈现的事实。',
    order: 0,
    parentId: null,
    claimKind: 'statistic',
  },
  {
    name: 'Target 目标',
    color: '#2f8fd8',
    description: 'A goal, plan or promise about the future. 对未来的目标、计划或承诺。',
    order: 1,
    parentId: null,
    claimKind: 'target',
  },
  {
    name: 'Policy 政策措施',
    color: '#3aa65b',
    description: 'A policy, measure or action taken. 已采取的政策、措施或行动。',
    order: 2,
    parentId: null,
  },
  {
    name: 'Attribution 引述',
    color: '#b05cc6',
    description: 'Words attributed to a person or body. 归于某人或某机构的话语。',
    order: 3,
    parentId: null,
    claimKind: 'attribution',
  },
  {
    name: 'Assessment 评价',
    color: '#e0513f',
    description: 'A judgement or evaluation. 判断或评价。',
    order: 4,
    parentId: null,
  },
];

/** Seeds the codebook once, on first run; an emptied codebook stays empty. */
export async function seedDefaults(db: ClaimmarkDB): Promise<void> {
  // Read first: a read-write transaction at every start waited for its commit.
  if (await db.settings.get('seeded')) return;
  await db.transaction('rw', db.categories, db.settings, async () => {
    const seeded = await db.settings.get('seeded');
    if (seeded) return;
    await db.categories.bulkAdd(DEFAULT_CATEGORIES.map((c) => ({ ...c, id: crypto.randomUUID() })));
    await db.settings.put({ key: 'seeded', value: '1' });
  });
}
