/** The Agreement view's sentences, English and Simplified Chinese (a missing Chinese entry is a type error). */
import { useMemo } from 'react';
import { format } from '../i18n/strings';
import { useI18n } from '../i18n/i18n';

const en = {
  title: 'Agreement',
  coders: 'Coders',
  loading: 'Loading…',
  noCoders:
    'Agreement needs the work of two or more coders. Merge another analyst’s work (Import ▸ Another analyst’s work…) first.',
  pickTwo: 'Choose two or more coders.',
  documents: 'Documents coded by all of them: {n}',
  category: 'Category',
  overall: 'Overall',
  alpha: 'Krippendorff’s α_u',
  alphaHint:
    'Unitizing alpha: how far the coders’ spans agree in place and extent; 1 perfect, 0 chance, below 0 systematic disagreement.',
  kappa: 'Cohen’s κ (characters)',
  kappaHint:
    'Each character marked or not by each coder; with more than two coders, the mean over all pairs.',
  percent: 'Percent agreement',
  percentHint:
    'The share of characters both coders treat alike (marked or unmarked); mean over pairs.',
  'undefined_chance-certain':
    'Undefined: chance agreement is certain (every coder marked nothing, or everything, in this category).',
  'undefined_no-documents': 'Undefined: no document was coded by every chosen coder.',
  'undefined_one-coder': 'Undefined: choose two or more coders.',
  'undefined_nobody-marked': 'Undefined: nobody marked this category in these documents.',
  disagreements: 'Disagreements ({n})',
  noDisagreements: 'No disagreements: every span matches.',
  more: '… and {n} more.',
  'kind_only-a': '{a} marked, {b} did not',
  'kind_only-b': '{b} marked, {a} did not',
  kind_extent: 'Overlapping, different extent',
  kind_category: 'Different category',
  openAt: 'Open in the reader: {quote}',
  nothing: '(nothing)',
};

export type AgreementKey = keyof typeof en;

const zh: Record<AgreementKey, string> = {
  title: '一致性',
  coders: '编码员',
  loading: '正在加载…',
  noCoders:
    '一致性需要两位或更多编码员的工作。请先合并其他分析员的工作（导入 ▸ 其他分析员的工作…）。',
  pickTwo: '请选择两位或更多编码员。',
  documents: '所有人都编码过的文档：{n} 篇',
  category: '类别',
  overall: '总体',
  alpha: 'Krippendorff α_u',
  alphaHint:
    '单元化 α：编码员所标片段在位置和范围上的一致程度；1 为完全一致，0 相当于随机，低于 0 为系统性分歧。',
  kappa: 'Cohen κ（按字符）',
  kappaHint: '每个字符被每位编码员标记与否；多于两位编码员时取所有两两组合的平均值。',
  percent: '一致百分比',
  percentHint: '两位编码员处理相同（都标记或都未标记）的字符所占比例；多人时取两两平均。',
  'undefined_chance-certain':
    '无定义：随机一致性为必然（每位编码员在此类别中都没有标记，或全部标记）。',
  'undefined_no-documents': '无定义：没有文档被所有选中的编码员编码过。',
  'undefined_one-coder': '无定义：请选择两位或更多编码员。',
  'undefined_nobody-marked': '无定义：在这些文档中没有人标记此类别。',
  disagreements: '分歧（{n}）',
  noDisagreements: '没有分歧：所有片段都一致。',
  more: '……另有 {n} 条。',
  'kind_only-a': '{a} 标记了，{b} 没有',
  'kind_only-b': '{b} 标记了，{a} 没有',
  kind_extent: '重叠但范围不同',
  kind_category: '类别不同',
  openAt: '在阅读器中打开：{quote}',
  nothing: '（无）',
};

export type AgreementTranslate = (
  key: AgreementKey,
  values?: Record<string, string | number>,
) => string;

export function useAgreementStrings(): AgreementTranslate {
  const { language } = useI18n();
  return useMemo(() => {
    const table = language === 'zh' ? zh : en;
    return (key, values) => format(table[key], values);
  }, [language]);
}
