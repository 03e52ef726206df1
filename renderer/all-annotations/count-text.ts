/** What the count above the table says: shown of all, or how far the first read has come. */
import type { ViewStrings } from './strings';
import { isEmptyFilter, type AnnotationFilter } from './table-model';
import type { TableData } from './table-source';
import { formatCount } from '../i18n/format';

export function countText(
  s: ViewStrings,
  data: TableData | undefined,
  shown: number,
  filter: AnnotationFilter,
): string {
  if (!data) return s.t('loading');
  const { loading } = data;
  if (!loading) return s.t('count', { n: shown, m: data.rows.length });
  const number = (n: number) => formatCount(n, s.language === 'zh' ? 'zh-CN' : 'en');
  const stored = loading.stored === null ? '…' : number(loading.stored);
  if (isEmptyFilter(filter)) return s.t('countLoading', { read: number(loading.read), stored });
  // Filtered among the rows in the table, which may lag a little behind the read.
  return s.t('countLoadingFiltered', { n: number(shown), read: number(data.rows.length), stored });
}
