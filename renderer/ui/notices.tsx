import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

type Notify = (kind: Notice['kind'], text: string) => void;
const NoticeContext = createContext<Notify>(() => {});
export const useNotify = (): Notify => useContext(NoticeContext);

let nextId = 1;

/** Errors stay until dismissed; information fades after a few seconds. */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [notices, setNotices] = useState<Notice[]>([]);
  const dismiss = useCallback(
    (id: number) => setNotices((list) => list.filter((n) => n.id !== id)),
    [],
  );
  const notify = useCallback<Notify>(
    (kind, text) => {
      const id = nextId++;
      setNotices((list) => [...list.slice(-5), { id, kind, text }]);
      if (kind === 'info') setTimeout(() => dismiss(id), 6000);
    },
    [dismiss],
  );
  const value = useMemo(() => notify, [notify]);
  return (
    <NoticeContext.Provider value={value}>
      {children}
      <div className="notices">
        {notices.map((n) => (
          <div
            key={n.id}
            className={`notice notice-${n.kind}`}
            role={n.kind === 'error' ? 'alert' : 'status'}
          >
            <span>{n.text}</span>
            <button className="icon-button" aria-label={t('dismiss')} onClick={() => dismiss(n.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </NoticeContext.Provider>
  );
}
