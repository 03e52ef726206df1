/** The view's own sentences, in English and Simplified Chinese, keyed by the UI language. */
import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n';
import type { Language } from '../i18n/strings';
import type { ClaimStatus } from '../../shared/types';
import type { Column } from './table-model';

const en = {
  title: 'All annotations',
  count: '{n} of {m} annotations',
  loading: 'Loading annotations…',
  countLoading: 'Loading… {read} of {stored} annotations read',
  countLoadingFiltered: '{n} of the {read} read so far · loading {stored}…',
  sortedSoFar: 'Sorted among the rows read so far',
  exportWhenLoaded: 'Available once every annotation is read',
  sectionsPending: 'Finding sections…',
  search: 'Search quotes, notes, speakers, evidence, titles',
  searchLabel: 'Search',
  categories: 'Categories',
  allCategories: 'All categories',
  categoriesChosen: '{n} categories',
  status: 'Status',
  document: 'Document',
  allDocuments: 'All documents',
  documentsChosen: '{n} documents',
  speaker: 'Speaker',
  speakerPlaceholder: 'Any speaker',
  section: 'Section: {name}',
  noSection: '(no section)',
  removeSection: 'Remove the section filter',
  clear: 'Clear filters',
  exportRows: 'Export these rows (CSV)',
  csvFilter: 'CSV',
  exported: 'Exported {n} annotations to {file}.',
  exportFailed: 'The export failed: {detail}',
  noRows: 'No annotations match these filters.',
  empty: 'No annotations yet. Mark a claim in a document to see it here.',
  table: 'Annotations across the library',
  filters: 'Filters',
  orphaned: 'Orphaned: the text changed and the quote was not found again',
  match: 'Match',
  matchAny: 'Any of these, with subcategories',
  matchExact: 'Any of these, not subcategories',
  matchTogether: 'All together (same or overlapping spans)',
  matchExactShort: 'exactly',
  matchTogetherShort: 'together',
  value: 'Value',
  anyValue: 'Any value',
  withFigure: 'With a figure',
  valueMin: 'From',
  valueMax: 'to',
  valueMinLabel: 'Smallest value',
  valueMaxLabel: 'Largest value',
  boundPlaceholder: 'e.g. 1亿',
  badBound: 'Not a number: type 1000, 1,000, 2.5 or 1亿',
  unit: 'Unit',
  anyUnit: 'Any unit',
  noUnit: '(no unit)',
  links: 'Other documents',
  linksAll: 'All claims',
  linksRepeated: 'Repeated elsewhere',
  linksConflicting: 'Conflicting elsewhere',
  linksPending: 'Linking claims across documents…',
  repeatedIn: '{n} docs',
  repeatedInOne: '1 doc',
  conflictsIn: 'differs in {n}',
  repeatedTitles: 'Repeated in: {titles}',
  conflictTitles: 'Another figure in: {titles}',
} as const;

type Key = keyof typeof en;

const zh: Record<Key, string> = {
  title: '全部标注',
  count: '{n} / {m} 条标注',
  loading: '正在载入标注…',
  countLoading: '正在载入… 已读取 {read} / {stored} 条标注',
  countLoadingFiltered: '已读取的 {read} 条中有 {n} 条 · 共 {stored} 条，载入中…',
  sortedSoFar: '仅在已读取的行中排序',
  exportWhenLoaded: '全部标注读取完毕后可用',
  sectionsPending: '正在识别章节…',
  search: '搜索引文、备注、说话人、证据、标题',
  searchLabel: '搜索',
  categories: '类别',
  allCategories: '全部类别',
  categoriesChosen: '{n} 个类别',
  status: '状态',
  document: '文档',
  allDocuments: '全部文档',
  documentsChosen: '{n} 个文档',
  speaker: '说话人',
  speakerPlaceholder: '任意说话人',
  section: '章节：{name}',
  noSection: '（无章节）',
  removeSection: '取消章节筛选',
  clear: '清除筛选',
  exportRows: '导出这些行（CSV）',
  csvFilter: 'CSV',
  exported: '已导出 {n} 条标注到 {file}。',
  exportFailed: '导出失败：{detail}',
  noRows: '没有符合这些筛选条件的标注。',
  empty: '还没有标注。在文档中标出一条声明后，它会显示在这里。',
  table: '全库标注',
  filters: '筛选',
  orphaned: '孤立：文本已改动，找不到原引文',
  match: '匹配',
  matchAny: '任一类别（含子类）',
  matchExact: '任一类别（不含子类）',
  matchTogether: '同时出现（同一或重叠的标注）',
  matchExactShort: '仅本类',
  matchTogetherShort: '同时出现',
  value: '数值',
  anyValue: '任意数值',
  withFigure: '含数字',
  valueMin: '从',
  valueMax: '到',
  valueMinLabel: '最小值',
  valueMaxLabel: '最大值',
  boundPlaceholder: '如 1亿',
  badBound: '不是数字：可输入 1000、1,000、2.5 或 1亿',
  unit: '单位',
  anyUnit: '任意单位',
  noUnit: '（无单位）',
  links: '其他文档',
  linksAll: '全部声明',
  linksRepeated: '他处重复',
  linksConflicting: '他处矛盾',
  linksPending: '正在跨文档关联声明…',
  repeatedIn: '{n} 篇文档',
  repeatedInOne: '1 篇文档',
  conflictsIn: '{n} 篇不一致',
  repeatedTitles: '重复于：{titles}',
  conflictTitles: '数字不同：{titles}',
};

const columns: Record<Language, Record<Column, string>> = {
  en: {
    document: 'Document',
    section: 'Section',
    categories: 'Categories',
    status: 'Status',
    speaker: 'Speaker',
    quote: 'Quote',
    value: 'Value',
    links: 'Other documents',
    note: 'Note',
    coder: 'Coder',
  },
  zh: {
    document: '文档',
    section: '章节',
    categories: '类别',
    status: '状态',
    speaker: '说话人',
    quote: '引文',
    value: '数值',
    links: '其他文档',
    note: '备注',
    coder: '编码者',
  },
};

const statuses: Record<Language, Record<ClaimStatus, string>> = {
  en: {
    unverified: 'Unverified',
    supported: 'Supported',
    disputed: 'Disputed',
    false: 'False',
    opinion: 'Opinion',
  },
  zh: {
    unverified: '未核实',
    supported: '有据',
    disputed: '有争议',
    false: '不实',
    opinion: '观点',
  },
};

export interface ViewStrings {
  language: Language;
  t(key: Key, values?: Record<string, string | number>): string;
  column(c: Column): string;
  status(s: ClaimStatus): string;
}

const fill = (text: string, values?: Record<string, string | number>) =>
  values ? text.replace(/\{(\w+)\}/g, (m, k: string) => String(values[k] ?? m)) : text;

export function viewStrings(language: Language): ViewStrings {
  const table: Record<Key, string> = language === 'zh' ? zh : en;
  return {
    language,
    t: (key, values) => fill(table[key], values),
    column: (c) => columns[language][c],
    status: (s) => statuses[language][s],
  };
}

export function useViewStrings(): ViewStrings {
  const { language } = useI18n();
  return useMemo(() => viewStrings(language), [language]);
}
