import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

export interface NoticeAction {
  label: string;
  run(): void;
}

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
  action?: NoticeAction;
}

/** `sticky` keeps an information notice until the user dismisses it. */
type Notify = (
  kind: Notice['kind'],
  text: string,
  options?: { action?: NoticeAction; sticky?: boolean },
) => void;
const NoticeContext = createContext<Notify>(() => {});
export const useNotify = (): Notify => useContext(NoticeContext);

let nextId = 1;

/**
 * Errors, and notices that offer an action, stay until dismissed; plain
 * information fades after a few seconds.
 */
export function NoticeProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [notices, setNotices] = useState<Notice[]>([]);
  const dismiss = useCallback(
    (id: number) => setNotices((list) => list.filter((n) => n.id !== id)),
    [],
  );
  const notify = useCallback<Notify>(
    (kind, text, options = {}) => {
      const id = nextId++;
      const { action, sticky } = options;
      // Errors are never pushed out by newer notices: each bad file must stay reported.
      setNotices((list) => {
        const infos = list.filter((n) => n.kind === 'info');
        const drop = new Set(infos.slice(0, Math.max(0, infos.length - 3)).map((n) => n.id));
        return [
          ...list.filter((n) => !drop.has(n.id)),
          { id, kind, text, ...(action ? { action } : {}) },
        ];
      });
      if (kind === 'info' && !action && !sticky) setTimeout(() => dismiss(id), 6000);
    },
    [dismiss],
  );
  return (
    <NoticeContext.Provider value={notify}>
      {children}
      <div className="notices">
        {notices.map((n) => (
          <div
            key={n.id}
            className={`notice notice-${n.kind}`}
            role={n.kind === 'error' ? 'alert' : 'status'}
          >
            <span>{n.text}</span>
            {n.action && (
              <button
                onClick={() => {
                  dismiss(n.id);
                  n.action?.run();
                }}
              >
                {n.action.label}
              </button>
            )}
            <button className="icon-button" aria-label={t('dismiss')} onClick={() => dismiss(n.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </NoticeContext.Provider>
  );
}
