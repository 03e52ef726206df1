import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useI18n } from '../i18n/i18n';

interface ConfirmRequest {
  message: string;
  confirmLabel: string;
  danger?: boolean;
}
type Confirm = (request: ConfirmRequest) => Promise<boolean>;

const ConfirmContext = createContext<Confirm>(async () => false);
export const useConfirm = (): Confirm => useContext(ConfirmContext);

/** One modal confirmation for the whole app, awaited like window.confirm. */
export function ConfirmProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, setPending] = useState<(ConfirmRequest & { resolve(ok: boolean): void }) | null>(
    null,
  );

  const confirm = useCallback<Confirm>(
    (request) => new Promise((resolve) => setPending({ ...request, resolve })),
    [],
  );

  useEffect(() => {
    if (pending && !dialog.current?.open) dialog.current?.showModal();
  }, [pending]);

  const finish = (ok: boolean) => {
    pending?.resolve(ok);
    setPending(null);
    dialog.current?.close();
  };

  return (
    <ConfirmContext.Provider value={confirm}>
      {children}
      <dialog
        ref={dialog}
        className="modal confirm"
        onCancel={() => finish(false)}
        aria-label={pending?.message}
      >
        {pending && (
          <>
            <p>{pending.message}</p>
            <div className="modal-actions">
              <button onClick={() => finish(false)} autoFocus>
                {t('cancel')}
              </button>
              <button
                className={pending.danger ? 'danger' : 'primary'}
                onClick={() => finish(true)}
              >
                {pending.confirmLabel}
              </button>
            </div>
          </>
        )}
      </dialog>
    </ConfirmContext.Provider>
  );
}
