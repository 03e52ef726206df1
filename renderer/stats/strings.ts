/**
 * The Statistics view's own sentences, in English and Simplified Chinese
 * (kept here rather than in i18n/strings.ts so this feature stays in its
 * folder). A missing Chinese entry is a type error.
 */
import { useMemo } from 'react';
import { format, type Language } from '../i18n/strings';
import { useI18n } from '../i18n/i18n';
import type { ClaimStatus } from '../../shared/types';

const en = {
  title: 'Statistics',
  scope: 'Scope',
  scopeLibrary: 'Whole library',
  scopeDocument: 'Current document',
  loading: 'Loading…',
  empty: 'No annotations here yet.',
  summary: 'Annotations: {n} · documents: {docs} · without a category: {none}',
  perCategory: 'Annotations per category',
  coOccurrence: 'Category co-occurrence',
  coOccurrenceHint:
    'Two categories on the same annotation or on overlapping passages (each annotation or overlapping pair counted once). Diagonal: annotations with the category. Annotations that lost their place count only on their own.',
  coOccurrenceNone: 'No category is used yet.',
  perDocument: 'Annotations per document',
  perStatus: 'Annotations per status',
  byCoder: 'By coder',
  coder: 'Coder',
  coderCount: 'Annotations',
  coderDocuments: 'Documents',
  noCoder: '(no name)',
  noCategories: 'The codebook has no categories.',
  barName: '{name}: {n} annotations',
  barNameOne: '{name}: 1 annotation',
  cellName: '{a} and {b}: {n} co-occurrences',
  cellNameOne: '{a} and {b}: 1 co-occurrence',
  cellDiagonal: '{name} (diagonal): {n} annotations',
  cellDiagonalOne: '{name} (diagonal): 1 annotation',
  missingDocument: '(deleted document)',
  saveSvg: 'Save SVG',
  savePng: 'Save PNG',
  saveFailed: 'Could not save the chart: {detail}',
  svgFilter: 'SVG image',
  unverified: 'Unverified',
  supported: 'Supported',
  disputed: 'Disputed',
  false: 'False',
  opinion: 'Opinion',
};

export type StatsStringKey = keyof typeof en;

const zh: Record<StatsStringKey, string> = {
  title: '统计',
  scope: '范围',
  scopeLibrary: '整个文库',
  scopeDocument: '当前文档',
  loading: '正在加载…',
  empty: '这里还没有标注。',
  summary: '{n} 条标注 · {docs} 篇文档 · {none} 条无类别',
  perCategory: '各类别的标注数',
  coOccurrence: '类别共现',
  coOccurrenceHint:
    '两个类别出现在同一条标注上，或出现在相互重叠的段落上（每条标注或每对重叠标注只计一次）。对角线：带有该类别的标注数。失去定位的标注只按其自身计算。',
  coOccurrenceNone: '尚未使用任何类别。',
  perDocument: '各文档的标注数',
  perStatus: '各状态的标注数',
  byCoder: '按编码员',
  coder: '编码员',
  coderCount: '标注数',
  coderDocuments: '文档数',
  noCoder: '（未署名）',
  noCategories: '编码表中没有类别。',
  barName: '{name}：{n} 条标注',
  barNameOne: '{name}：1 条标注',
  cellName: '{a} 与 {b}：共现 {n} 次',
  cellNameOne: '{a} 与 {b}：共现 1 次',
  cellDiagonal: '{name}（对角线）：{n} 条标注',
  cellDiagonalOne: '{name}（对角线）：1 条标注',
  missingDocument: '（已删除的文档）',
  saveSvg: '保存 SVG',
  savePng: '保存 PNG',
  saveFailed: '无法保存图表：{detail}',
  svgFilter: 'SVG 图像',
  unverified: '未核实',
  supported: '有据支持',
  disputed: '有争议',
  false: '不实',
  opinion: '观点',
};

export type StatsTranslate = (
  key: StatsStringKey,
  values?: Record<string, string | number>,
) => string;

export function statsTranslator(language: Language): StatsTranslate {
  const table = language === 'zh' ? zh : en;
  return (key, values) => format(table[key], values);
}

export function useStatsStrings(): StatsTranslate {
  const { language } = useI18n();
  return useMemo(() => statsTranslator(language), [language]);
}

export const statusKey = (status: ClaimStatus): StatsStringKey => status;
