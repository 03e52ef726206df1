import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FileReadResult } from '../../shared/file-errors';
import { AnnotationPanel } from '../annotations/AnnotationPanel';
import { AnnotationStore } from '../annotations/store';
import { useAnnotationActions } from '../annotations/use-annotation-actions';
import { CategoryBar } from '../codebook/CategoryBar';
import { CodebookDialog } from '../codebook/CodebookDialog';
import { useAnnotations, useCategories, useDocumentText, useDocuments } from '../db/hooks';
import { db } from '../db/instance';
import { errorMessage } from '../db/storage-error';
import { buildCsvExport } from '../export/export-csv';
import { useI18n } from '../i18n/i18n';
import { Library } from '../library/Library';
import { useImport } from '../library/use-import';
import { platform } from '../platform';
import { DocumentHeader } from '../reader/DocumentHeader';
import { Reader, type ReaderHandle } from '../reader/Reader';
import { SettingsDialog, type LanguageSetting } from '../settings/SettingsDialog';
import { useNotify } from '../ui/notices';
import { DropZone } from './DropZone';
import { Toolbar } from './Toolbar';
import { useShortcuts } from './use-shortcuts';
import { useReopen } from '../reader/use-reopen';

export function Workspace({ languageSetting }: { languageSetting: LanguageSetting }) {
  const { t } = useI18n();
  const notify = useNotify();
  const [docId, setDocId] = useState<string | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'codebook' | 'settings' | null>(null);
  const reader = useRef<ReaderHandle>(null);
  const store = useMemo(() => new AnnotationStore(db), []);

  const docs = useDocuments();
  const doc = docs?.find((d) => d.id === docId) ?? null;
  const text = useDocumentText(docId);
  const annotations = useAnnotations(docId);
  const categories = useCategories() ?? [];

  const open = useCallback((id: string) => {
    setDocId(id);
    setActiveId(null);
    void db.settings.put({ key: 'lastDocument', value: id });
  }, []);

  // Reopen the last document after a restart.
  useEffect(() => {
    void db.settings.get('lastDocument').then((s) => s && setDocId((cur) => cur ?? s.value));
  }, []);

  const importResults = useImport(open);
  const pick = useCallback(
    async (picker: () => Promise<FileReadResult[]>) => {
      try {
        await importResults(await picker());
      } catch (error) {
        notify('error', errorMessage(error));
      }
    },
    [importResults, notify],
  );

  const exportCsv = useCallback(
    async (scope: 'document' | 'library') => {
      if (scope === 'document' && !docId) return notify('info', t('noDocumentToExport'));
      try {
        const csv = await buildCsvExport(db, scope === 'document' ? docId : null);
        if (csv.rows === 0) return notify('info', t('exportNothing'));
        const saved = await platform.saveText(csv.fileName, csv.content, {
          name: t('csvFilter'),
          extensions: ['csv'],
        });
        if (saved) notify('info', t('exported', { n: csv.rows, file: csv.fileName }));
      } catch (error) {
        notify('error', t('exportFailed', { detail: errorMessage(error) }));
      }
    },
    [docId, notify, t],
  );

  useEffect(() => {
    const offFiles = platform.onFilesOpened((results) => void importResults(results));
    const offMenu = platform.onMenuCommand((command) => {
      if (command === 'open-files') void pick(platform.pickFiles);
      if (command === 'export-library-csv') void exportCsv('library');
      if (command === 'export-document-csv') void exportCsv('document');
    });
    return () => {
      offFiles();
      offMenu();
    };
  }, [exportCsv, importResults, pick]);

  useEffect(() => {
    void platform
      .takeLaunchFiles()
      .then(importResults, (e: unknown) => notify('error', errorMessage(e)));
  }, [importResults, notify]);

  const actions = useAnnotationActions({
    store,
    docId,
    text,
    categories,
    activeId,
    setActive: setActiveId,
    reader,
  });

  useShortcuts(
    {
      tag: (i) => void actions.tag(i),
      undo: (redo) => void actions.undo(redo),
      deleteActive: () => {
        const a = annotations?.find((x) => x.id === activeId);
        if (a) void actions.remove(a);
      },
      openFiles: () => void pick(platform.pickFiles),
    },
    platform.kind === 'web',
  );

  const reopen = useReopen(doc, annotations?.length ?? 0);

  return (
    <DropZone onDrop={(data) => void pick(() => platform.filesFromDrop(data))}>
      <Toolbar
        canOpenFolder={platform.pickFolder !== null}
        hasDocument={doc !== null}
        onOpen={() => void pick(platform.pickFiles)}
        onOpenFolder={() => platform.pickFolder && void pick(platform.pickFolder)}
        onExport={(scope) => void exportCsv(scope)}
        onSettings={() => setDialog('settings')}
      />
      <div className="workspace">
        <Library
          currentId={docId}
          onOpen={open}
          onDeleted={(id) => id === docId && setDocId(null)}
        />
        <main className="reader-pane" role="region" aria-label={t('reader')}>
          {doc && typeof text === 'string' ? (
            <>
              <DocumentHeader
                doc={doc}
                annotationCount={annotations?.length ?? 0}
                onReopen={(e) => void reopen(e)}
              />
              <CategoryBar
                categories={categories}
                onTag={(i) => void actions.tag(i)}
                onEdit={() => setDialog('codebook')}
              />
              <Reader
                handle={reader}
                docId={doc.id}
                text={text}
                annotations={annotations ?? []}
                categories={categories}
                activeId={activeId}
                onActivate={setActiveId}
              />
            </>
          ) : (
            <div className="empty-state reader-empty">
              <h3>{t('noDocumentTitle')}</h3>
              <p>{t('noDocumentBody')}</p>
              <CategoryBar
                categories={categories}
                onTag={(i) => void actions.tag(i)}
                onEdit={() => setDialog('codebook')}
              />
            </div>
          )}
        </main>
        <AnnotationPanel
          annotations={doc ? annotations : []}
          categories={categories}
          activeId={activeId}
          onSelect={actions.select}
          onNote={actions.note}
          onNoteDone={actions.noteDone}
          onToggleCategory={actions.toggle}
          onDelete={(a) => void actions.remove(a)}
        />
      </div>
      {dialog === 'codebook' && (
        <CodebookDialog categories={categories} onClose={() => setDialog(null)} />
      )}
      {dialog === 'settings' && (
        <SettingsDialog value={languageSetting} onClose={() => setDialog(null)} />
      )}
    </DropZone>
  );
}
