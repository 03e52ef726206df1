import {
  Suspense,
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { MenuCommand } from '../../shared/ipc';
import type { ClaimCandidate } from '../../shared/claims/detect';
import { AnnotationPanel } from '../annotations/AnnotationPanel';
import { SidePanel } from '../claims/SidePanel';
import { categoryFor, useSuggestions } from '../claims/use-suggestions';
import { HEAD_FROM_CHARS } from '../db/heads';
import { handedHead } from '../db/text-handoff';
import { useI18n } from '../i18n/i18n';
import { useNotify } from '../ui/notices';
import { annotationStore as store } from '../annotations/instance';
import { shorten } from '../annotations/shorten';
import { useStorageFailures } from './storage-failures';
import { useStableSpans } from '../reader/stable-spans';
import { afterFirstDocument } from './first-document';
import type { Span } from '../db/spans';
import { recoverDrafts } from '../db/drafts';
import { draftJournal } from '../db/drafts-instance';
import { useAnnotationActions } from '../annotations/use-annotation-actions';
import { CodebookDialog } from '../codebook/CodebookDialog';
import {
  START_WAIT_MS,
  useCategories,
  useDocumentHead,
  useDocumentText,
  useDocuments,
  useSetting,
} from '../db/hooks';
import { useAnnotations } from '../db/use-annotations';
import { db } from '../db/instance';
import { useBackup } from '../export/use-backup';
import { useExportCsv, useExportW3c, useExportXlsx } from '../export/use-export';
import { useProject } from '../export/use-project';
import { useMerge } from '../export/use-merge';
import { Library } from '../library/Library';
import { deleteStrays, strayAnnotations } from '../library/strays';
import { useFileWatch } from '../library/use-file-watch';
import { platform } from '../platform';
import { lineStyles } from '../reader/headings';
import { useStructure } from '../reader/use-structure';
import type { HeadingOverrides } from '../../shared/structure';
import { FindBar } from '../reader/FindBar';
import { Outline } from '../reader/Outline';
import type { ReaderHandle } from '../reader/Reader';
import { ReaderPane } from '../reader/ReaderPane';
import { useReopen } from '../reader/use-reopen';
import { useTextActions } from '../reader/use-text-actions';
import { SettingsDialog, type LanguageSetting } from '../settings/SettingsDialog';
import { CoderPrompt } from '../settings/CoderPrompt';
import { CODER_ASKED_SETTING } from '../settings/coder';
import { CODER_SETTING } from '../db/db';
import { DropZone } from './DropZone';
import { Toolbar } from './Toolbar';
import { useFileIntake } from './use-file-intake';
import { fromStatisticsFilter } from '../all-annotations/from-statistics';
import type { AnnotationFilter } from '../all-annotations/table-model';
import { LibrarySearchPanel } from '../search/LibrarySearchPanel';
import { AgreementView, AllAnnotationsView, StatisticsView } from './lazy-views';
import { ShortcutsDialog } from './ShortcutsDialog';
import type { View } from './Toolbar';
import { useReveal, type RevealTarget } from './use-reveal';
import { useNavigation } from './use-navigation';
import { useShortcuts } from './use-shortcuts';
import { LAST_DOCUMENT, lastDocumentAtStart, takeLastDocument } from './last-document';

export function Workspace({ languageSetting }: { languageSetting: LanguageSetting }) {
  const [docId, setDocId] = useState<string | null>(() => lastDocumentAtStart() ?? null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'codebook' | 'settings' | 'shortcuts' | null>(null);
  const [finding, setFinding] = useState(false);
  const [searching, setSearching] = useState(false);
  const [view, setView] = useState<View>('reader');
  const [tableFilter, setTableFilter] = useState<AnnotationFilter>({});
  const [side, setSide] = useState<'annotations' | 'suggestions'>('annotations');
  const reader = useRef<ReaderHandle>(null);
  const { t } = useI18n();
  const notify = useNotify();

  const docs = useDocuments();
  const doc = docs?.find((d) => d.id === docId) ?? null;
  // A long text's head and highlights are read first, the whole text once the head is in.
  // (A start hands over the head of a long last document: last-document.ts.)
  const long = (doc?.length ?? 0) >= HEAD_FROM_CHARS || handedHead(docId) !== undefined;
  const head = useDocumentHead(long ? docId : null);
  const text = useDocumentText(docId, !long || head !== undefined);
  const { annotations, early } = useAnnotations(docId, text !== undefined);
  const stored = useCategories();
  const categories = useMemo(() => stored ?? [], [stored]);
  const placed = useMemo(() => annotations?.filter((a) => !a.orphaned), [annotations]);
  const orphans = useMemo(() => annotations?.filter((a) => a.orphaned) ?? [], [annotations]);
  // What the reader draws: unchanged by an edit to a note or a claim field.
  // Until the records are read, the spans record paints; the same highlights are not drawn twice.
  const spans = useStableSpans<Span>(placed ?? early);
  const overrides = doc?.headingOverrides;
  const structure = useStructure(text, overrides, doc?.headings);
  const styles = useMemo(() => lineStyles(structure), [structure]);
  // A frame behind the highlights: a key press paints its highlight before the
  // suggestions it covers are worked out again (5 ms of a 10 MB text's 20,000).
  // Not as a document opens: a second pass there put the highlights 300 ms later.
  const behind = useDeferredValue(spans);
  const suggestions = useSuggestions(docId, text, behind === undefined ? spans : behind);
  /** The suggestion the caret is in, else the next one after it, else the first. */
  const currentSuggestion = useCallback((): ClaimCandidate | null => {
    const list = suggestions.visible;
    const caret = reader.current?.caret() ?? 0;
    return list.find((c) => c.end >= caret) ?? list[0] ?? null;
  }, [suggestions.visible]);
  const [shownSuggestion, setShownSuggestion] = useState<number | null>(null);
  const showSuggestion = useCallback((c: ClaimCandidate) => {
    setShownSuggestion(c.start);
    reader.current?.select(c.start, c.end);
  }, []);
  const open = useCallback((id: string) => {
    setDocId(id);
    setActiveId(null);
    // Only which document to reopen next time: on a full disk, not worth a notice.
    db.settings.put({ key: LAST_DOCUMENT, value: id }).catch(() => undefined);
  }, []);

  // Reopen the last document after a restart.
  useEffect(() => {
    void takeLastDocument().then((id) => id && setDocId((cur) => cur ?? id));
  }, []);

  // Text typed just before a crash, journaled but not yet in its annotation: put back, and said.
  useEffect(() => {
    void recoverDrafts(
      draftJournal,
      (id) => db.annotations.get(id),
      (a, field, value) => store.update(a, { [field]: value }),
    )
      .then((recovered) => {
        if (recovered.length === 0) return;
        const what = recovered
          .map(({ annotation, field }) => {
            const quote = shorten(annotation.quote, 40);
            return field === 'note'
              ? t('whatNote', { quote })
              : t('whatField', { field: t(field).toLowerCase(), quote });
          })
          .join(', ');
        notify('info', t('draftsRecovered', { what }), { sticky: true });
      })
      .catch(() => undefined);
    // Once per start.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Annotations an older version left without their document: said once, deleted on request.
  useEffect(() => {
    const reportStrays = () =>
      strayAnnotations(db).then((strays) => {
        if (strays.length === 0) return;
        notify('error', t('strayAnnotations', { n: strays.length }), {
          action: {
            label: t('deleteStrays'),
            run: () =>
              void deleteStrays(
                db,
                strays.map((a) => a.id),
              ).then((n) => notify('info', t('straysDeleted', { n }))),
          },
        });
      });
    // Thousands of small reads: after the first document, not queued before its reads.
    afterFirstDocument(() => void reportStrays(), START_WAIT_MS);
    // Once per start, in the language of the start.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const exportCsv = useExportCsv(docId);
  const exportXlsx = useExportXlsx(docId);
  const backup = useBackup();
  const project = useProject(docId);
  const exportW3c = useExportW3c(docId);
  const merge = useMerge();
  const onCommand = useCallback(
    (command: MenuCommand) => {
      if (command === 'export-library-csv') void exportCsv('library');
      if (command === 'export-document-csv') void exportCsv('document');
    },
    [exportCsv],
  );
  // What an import shown before its write goes back to, should the write fail.
  const openNow = useRef(docId);
  useEffect(() => {
    openNow.current = docId;
  }, [docId]);
  const current = useCallback(() => openNow.current, []);
  const pick = useFileIntake(open, onCommand, current);
  const textActions = useTextActions();
  useFileWatch(docs, textActions.offerReload);
  const reopen = useReopen(doc, annotations?.length ?? 0);

  const { report } = useStorageFailures();
  const actions = useAnnotationActions({
    store,
    docId,
    text,
    categories,
    activeId,
    setActive: setActiveId,
    reader,
  });

  const acceptSuggestion = useCallback(
    async (c: ClaimCandidate) => {
      if (!docId || typeof text !== 'string') return;
      const category = categoryFor(c.kind, categories);
      if (!category) return notify('info', t('noCategoryForSuggestion'));
      const write = () => store.create(docId, text, c.start, c.end, category.id);
      const created = await actions.write(write, {
        key: `accept:${docId}:${c.start}`,
        what: t('whatQuote', { quote: shorten(c.quote, 40) }),
      });
      if (!created.ok) return;
      setActiveId(created.value.id);
      notify('info', t('acceptedInto', { category: category.name }));
    },
    [actions, docId, text, categories, notify, t],
  );
  const dismissSuggestion = useCallback(
    (c: ClaimCandidate) =>
      docId &&
      void actions.write(() => store.dismiss(docId, c.quote), {
        key: `dismiss:${docId}:${c.quote}`,
        what: t('whatDismiss'),
        retry: () => store.dismiss(docId, c.quote),
      }),
    [actions, docId, t],
  );

  // Who is coding: asked once, after the first tag, when no name is set.
  const coder = useSetting(CODER_SETTING);
  const coderAsked = useSetting(CODER_ASKED_SETTING);
  const [askCoder, setAskCoder] = useState(false);
  const tag = useCallback(
    async (i: number) => {
      await actions.tag(i);
      if (!coder && coderAsked === null) setAskCoder(true);
    },
    [actions, coder, coderAsked],
  );

  const reveal = useReveal(docId, text, spans, reader, setActiveId);
  const goTo = useCallback(
    (target: RevealTarget) => {
      setView('reader');
      open(target.docId);
      reveal(target);
    },
    [open, reveal],
  );

  // Stable, so that the memoised library and outline skip the renders of a key press.
  const closeIfOpen = useCallback((id: string) => setDocId((cur) => (cur === id ? null : cur)), []);
  const caretLine = useCallback(() => reader.current?.caretLineStart() ?? null, []);
  const jumpTo = useCallback((pos: number) => reader.current?.scrollTo(pos), []);
  const saveOverrides = useCallback(
    (next: HeadingOverrides) => {
      if (!doc) return;
      const write = () => db.documents.update(doc.id, { headingOverrides: next });
      write().catch((error: unknown) =>
        report(error, {
          key: `outline:${doc.id}`,
          what: t('whatOutline', { title: doc.title }),
          retry: write,
        }),
      );
    },
    [doc, report, t],
  );

  const navigation = useNavigation({
    text,
    placed: spans,
    activeId,
    reader,
    select: actions.select,
  });

  useShortcuts(
    {
      ...navigation,
      help: () => setDialog('shortcuts'),
      find: (scope) => {
        if (scope === 'library') setSearching(true);
        else if (doc && view === 'reader') setFinding(true);
      },
      tag: (i) => void tag(i),
      undo: (redo) => void actions.undo(redo),
      deleteActive: () => {
        const a = annotations?.find((x) => x.id === activeId);
        if (a) void actions.remove(a);
      },
      openFiles: () => void pick(platform.pickFiles),
      suggestion: (what) => {
        if (view !== 'reader' || !suggestions.enabled) return;
        const list = suggestions.visible;
        const current = currentSuggestion();
        if (what === 'next') {
          const caret = reader.current?.caret() ?? -1;
          const next = list.find((c) => c.start > caret) ?? list[0];
          if (next) showSuggestion(next);
          setSide('suggestions');
        } else if (current && what === 'accept') void acceptSuggestion(current);
        else if (current) dismissSuggestion(current);
      },
    },
    platform.kind === 'web',
  );

  return (
    <DropZone onDrop={(data) => void pick(() => platform.filesFromDrop(data))}>
      <Toolbar
        canOpenFolder={platform.pickFolder !== null}
        hasDocument={doc !== null}
        onOpen={() => void pick(platform.pickFiles)}
        onOpenFolder={() => platform.pickFolder && void pick(platform.pickFolder)}
        onExport={(format, onlyDocument) => {
          if (format === 'backup') void backup.backup();
          else if (format === 'csv-document') void exportCsv('document');
          else if (format === 'csv-library') void exportCsv('library');
          else if (format === 'xlsx')
            void exportXlsx(onlyDocument && docId ? 'document' : 'library');
          else if (format === 'qdpx') void project.exportProject(onlyDocument);
          else void exportW3c(onlyDocument);
        }}
        onImport={(format) =>
          void (format === 'qdpx'
            ? project.importFile()
            : format === 'work'
              ? merge()
              : backup.restore())
        }
        onSettings={() => setDialog('settings')}
        onSearch={() => setSearching(true)}
        view={view}
        onView={setView}
      />
      <div className="workspace">
        <div className="sidebar">
          {searching && <LibrarySearchPanel onChoose={goTo} onClose={() => setSearching(false)} />}
          <Library docs={docs} currentId={docId} onOpen={open} onDeleted={closeIfOpen} />
          {doc && typeof text === 'string' && structure && (
            <Outline
              text={text}
              structure={structure}
              overrides={doc.headingOverrides}
              caretLine={caretLine}
              onJump={jumpTo}
              onOverrides={saveOverrides}
            />
          )}
        </div>
        {/* Until a view's code has loaded (first use only), its area stands empty. */}
        <Suspense fallback={<div className="view-area" aria-busy="true" />}>
          {view === 'all' && (
            <div className="view-area">
              <AllAnnotationsView
                key={JSON.stringify(tableFilter)}
                initialFilter={tableFilter}
                known={docs && stored ? { documents: docs, categories: stored } : undefined}
                onOpen={(id, annotationId) => goTo({ docId: id, annotationId })}
              />
            </div>
          )}
          {view === 'stats' && (
            <div className="view-area">
              <StatisticsView
                docId={docId}
                onOpenAnnotations={(f) => {
                  setTableFilter(fromStatisticsFilter(f));
                  setView('all');
                }}
              />
            </div>
          )}
          {view === 'agreement' && (
            <div className="view-area">
              <AgreementView onOpen={goTo} />
            </div>
          )}
        </Suspense>
        {view === 'reader' && (
          <>
            <ReaderPane
              doc={doc}
              text={text}
              head={spans && head}
              annotations={spans}
              categories={categories}
              activeId={activeId}
              suggestions={suggestions.visible}
              lineStyles={styles}
              reader={reader}
              onActivate={setActiveId}
              onTag={(i) => void tag(i)}
              onEditCodebook={() => setDialog('codebook')}
              onReopen={(e) => void reopen(e)}
              onReflow={(on) => doc && void textActions.toggleReflow(doc, on)}
              onReplace={() => doc && void textActions.replace(doc)}
              findBar={
                finding && typeof text === 'string' ? (
                  <FindBar text={text} reader={reader} onClose={() => setFinding(false)} />
                ) : null
              }
            />
            <SidePanel
              docId={docId}
              side={side}
              onSide={setSide}
              annotationCount={doc ? (spans?.length ?? 0) : 0}
              suggestions={doc ? suggestions.visible : []}
              suggestionsOn={suggestions.enabled}
              current={suggestions.visible.find((c) => c.start === shownSuggestion) ?? null}
              onShow={showSuggestion}
              onAccept={(c) => void acceptSuggestion(c)}
              onDismiss={dismissSuggestion}
              annotations={
                <>
                  {askCoder && coderAsked === null && !coder && (
                    <CoderPrompt onDone={() => setAskCoder(false)} />
                  )}
                  <AnnotationPanel
                    annotations={doc ? placed : []}
                    expected={doc ? spans?.length : 0}
                    orphans={doc ? orphans : []}
                    onReattach={(a) => void actions.reattach(a)}
                    categories={categories}
                    activeId={activeId}
                    onSelect={actions.select}
                    onDeselect={() => setActiveId(null)}
                    onEdit={actions.edit}
                    onEditDone={actions.editDone}
                    onToggleCategory={actions.toggle}
                    onDelete={(a) => void actions.remove(a)}
                  />
                </>
              }
            />
          </>
        )}
      </div>
      {dialog === 'codebook' && (
        <CodebookDialog categories={categories} onClose={() => setDialog(null)} />
      )}
      {dialog === 'shortcuts' && <ShortcutsDialog onClose={() => setDialog(null)} />}
      {dialog === 'settings' && (
        <SettingsDialog value={languageSetting} onClose={() => setDialog(null)} />
      )}
    </DropZone>
  );
}
