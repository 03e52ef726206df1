import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

/**
 * A native modal dialog: focus is trapped and Escape closes it. It is open for
 * as long as it is mounted; its owner closes it by unmounting it.
 */
export function Modal({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose(): void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  // No cleanup that calls close(): close() queues a 'close' event, and under
  // StrictMode's mount–unmount–mount that event arrives after the effect has
  // reopened the dialog, so onClose would shut it at once. Unmounting removes
  // the element, which takes it out of the top layer without any event.
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="modal" aria-label={title} onCancel={onClose} onClose={onClose}>
      <header className="modal-header">
        <h2>{title}</h2>
        <button className="icon-button" aria-label={t('close')} onClick={onClose}>
          ×
        </button>
      </header>
      {children}
    </dialog>
  );
}
