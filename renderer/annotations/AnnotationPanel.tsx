import type { Annotation, Category } from '../../shared/types';
import { useI18n } from '../i18n/i18n';
import { AnnotationItem } from './AnnotationItem';

interface Props {
  annotations: readonly Annotation[] | undefined;
  categories: readonly Category[];
  activeId: string | null;
  onSelect(a: Annotation): void;
  onNote(a: Annotation, note: string): void;
  onNoteDone(): void;
  onToggleCategory(a: Annotation, categoryId: string): void;
  onDelete(a: Annotation): void;
}

/** The open document's annotations, in text order. */
export function AnnotationPanel({ annotations, categories, activeId, ...actions }: Props) {
  const { t } = useI18n();
  return (
    <aside className="annotations" role="region" aria-label={t('annotations')}>
      <div className="pane-header">
        <h2>{t('annotations')}</h2>
        {annotations && <span className="count">{annotations.length}</span>}
      </div>
      {annotations && annotations.length === 0 && <p className="hint">{t('noAnnotations')}</p>}
      <ol className="annotation-list">
        {annotations?.map((a) => (
          <AnnotationItem
            key={a.id}
            annotation={a}
            categories={categories}
            active={a.id === activeId}
            onSelect={() => actions.onSelect(a)}
            onNote={(note) => actions.onNote(a, note)}
            onNoteDone={actions.onNoteDone}
            onToggleCategory={(id) => actions.onToggleCategory(a, id)}
            onDelete={() => actions.onDelete(a)}
          />
        ))}
      </ol>
    </aside>
  );
}
