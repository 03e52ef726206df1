import { useState } from 'react';
import type { DocumentRecord } from '../../shared/types';
import { ENCODING_NAMES } from '../../shared/types';
import { useAnnotationCounts, useDocuments } from '../db/hooks';
import { annotationStore } from '../annotations/instance';
import { db } from '../db/instance';
import { useStorageFailures } from '../app/storage-failures';
import { useI18n } from '../i18n/i18n';
import { useConfirm } from '../ui/confirm';
import { deleteDocument, renameDocument, sortDocuments, type LibrarySort } from './library-actions';

interface Props {
  currentId: string | null;
  onOpen(docId: string): void;
  onDeleted(docId: string): void;
}

export function Library({ currentId, onOpen, onDeleted }: Props) {
  const { t, language } = useI18n();
  const docs = useDocuments();
  const counts = useAnnotationCounts();
  const confirm = useConfirm();
  const { report } = useStorageFailures();
  const [sort, setSort] = useState<LibrarySort>('newest');
  const [renaming, setRenaming] = useState<string | null>(null);
  const locale = language === 'zh' ? 'zh-CN' : 'en';

  // A failed rename is held and retried (full disk) or reported; the box closes either way.
  const rename = (doc: DocumentRecord, title: string) => {
    if (renaming !== doc.id) return;
    setRenaming(null);
    const write = () => renameDocument(db, doc.id, title);
    write().catch((error: unknown) =>
      report(error, { key: `rename:${doc.id}`, what: t('whatRename', { title }), retry: write }),
    );
  };

  const remove = async (doc: DocumentRecord) => {
    const n = counts?.get(doc.id) ?? 0;
    const ok = await confirm({
      message: t('deleteDocumentConfirm', { title: doc.title, n }),
      confirmLabel: t('deleteDocument'),
      danger: true,
    });
    if (!ok) return;
    try {
      await deleteDocument(db, doc.id);
      annotationStore.history.forget(doc.id);
      onDeleted(doc.id);
    } catch (error) {
      report(error, {
        key: `delete-doc:${doc.id}`,
        what: t('whatDeleteDoc', { title: doc.title }),
      });
    }
  };

  if (docs === undefined) return <nav className="library" aria-busy="true" />;
  return (
    <nav className="library" aria-label={t('library')}>
      <div className="pane-header">
        <h2>{t('library')}</h2>
        <label className="sort">
          <span className="visually-hidden">{t('sortBy')}</span>
          <select
            value={sort}
            onChange={(e) => setSort(e.target.value as LibrarySort)}
            aria-label={t('sortBy')}
          >
            <option value="newest">{t('sortNewest')}</option>
            <option value="oldest">{t('sortOldest')}</option>
            <option value="title">{t('sortTitle')}</option>
          </select>
        </label>
      </div>
      {docs.length === 0 ? (
        <div className="empty-state">
          <h3>{t('emptyLibraryTitle')}</h3>
          <p>{t('emptyLibraryBody')}</p>
        </div>
      ) : (
        <ul className="doc-list" aria-label={t('library')}>
          {sortDocuments(docs, sort, locale).map((doc) => (
            <li
              key={doc.id}
              className={doc.id === currentId ? 'doc current' : 'doc'}
              aria-current={doc.id === currentId}
            >
              {renaming === doc.id ? (
                <input
                  className="rename"
                  aria-label={t('documentTitle')}
                  defaultValue={doc.title}
                  autoFocus
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') rename(doc, e.currentTarget.value);
                    if (e.key === 'Escape') setRenaming(null);
                  }}
                  onBlur={(e) => rename(doc, e.currentTarget.value)}
                />
              ) : (
                <button className="doc-open" onClick={() => onOpen(doc.id)} title={doc.title}>
                  <span className="doc-title">{doc.title}</span>
                  <span className="doc-meta">
                    {doc.fileName} · {ENCODING_NAMES[doc.encoding]} ·{' '}
                    {t('chars', { n: doc.length.toLocaleString(locale) })}
                  </span>
                  <span className="doc-meta">
                    {(counts?.get(doc.id) ?? 0) === 1
                      ? t('annotationCountOne')
                      : t('annotationCount', { n: counts?.get(doc.id) ?? 0 })}{' '}
                    · {new Date(doc.addedAt).toLocaleDateString(locale)}
                  </span>
                </button>
              )}
              <div className="doc-actions">
                <button
                  className="icon-button"
                  aria-label={`${t('renameDocument')}: ${doc.title}`}
                  title={t('rename')}
                  onClick={() => setRenaming(doc.id)}
                >
                  ✎
                </button>
                <button
                  className="icon-button"
                  aria-label={`${t('deleteDocument')}: ${doc.title}`}
                  title={t('delete')}
                  onClick={() => void remove(doc)}
                >
                  ✕
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
