import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

export interface NoticeAction {
  label: string;
  run(): void;
  /** Keeps the notice open after the action runs (it updates itself). */
  keepOpen?: boolean;
}

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
  actions: NoticeAction[];
  /** Plain information: goes by itself after a few seconds. */
  fades: boolean;
  key?: string;
}

export interface NotifyOptions {
  action?: NoticeAction;
  actions?: NoticeAction[];
  /** Keeps an information notice until the user dismisses it. */
  sticky?: boolean;
  /**
   * One notice per condition: a notice with the same key is updated in place
   * instead of stacking another one (a full disk fails every keystroke).
   */
  key?: string;
}

type Notify = (kind: Notice['kind'], text: string, options?: NotifyOptions) => void;

interface NoticeApi {
  notify: Notify;
  /** Takes the notice with this key away, if it is shown. */
  withdraw(key: string): void;
}

const NoticeContext = createContext<NoticeApi>({ notify: () => {}, withdraw: () => {} });
export const useNotify = (): Notify => useContext(NoticeContext).notify;
export const useNotices = (): NoticeApi => useContext(NoticeContext);

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
  const withdraw = useCallback(
    (key: string) => setNotices((list) => list.filter((n) => n.key !== key)),
    [],
  );
  const notify = useCallback<Notify>(
    (kind, text, options = {}) => {
      const id = nextId++;
      const { sticky, key } = options;
      const actions = [...(options.action ? [options.action] : []), ...(options.actions ?? [])];
      const fades = kind === 'info' && actions.length === 0 && !sticky;
      const notice: Notice = { id, kind, text, actions, fades, ...(key ? { key } : {}) };
      setNotices((list) => {
        const same = key ? list.findIndex((n) => n.key === key) : -1;
        if (same >= 0) return list.map((n, i) => (i === same ? notice : n));
        // Errors, and notices kept until dismissed, are never pushed out by newer
        // ones: each bad or damaged file must stay reported.
        const infos = list.filter((n) => n.kind === 'info' && n.fades);
        const drop = new Set(infos.slice(0, Math.max(0, infos.length - 3)).map((n) => n.id));
        return [...list.filter((n) => !drop.has(n.id)), notice];
      });
      if (fades) setTimeout(() => dismiss(id), 6000);
    },
    [dismiss],
  );
  return (
    <NoticeContext.Provider value={{ notify, withdraw }}>
      {children}
      <div className="notices">
        {notices.map((n) => (
          <div
            key={n.id}
            className={`notice notice-${n.kind}`}
            role={n.kind === 'error' ? 'alert' : 'status'}
          >
            <div className="notice-body">
              <span>{n.text}</span>
              {n.actions.length > 0 && (
                <div className="notice-actions">
                  {n.actions.map((action) => (
                    <button
                      key={action.label}
                      onClick={() => {
                        if (!action.keepOpen) dismiss(n.id);
                        action.run();
                      }}
                    >
                      {action.label}
                    </button>
                  ))}
                </div>
              )}
            </div>
            <button className="icon-button" aria-label={t('dismiss')} onClick={() => dismiss(n.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </NoticeContext.Provider>
  );
}
