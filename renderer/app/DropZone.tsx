import { useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { warmDecoder } from '../library/decode';

/** The whole window accepts dropped files; files dragged in start the decoder (warmDecoder). */
export function DropZone({
  onDrop,
  children,
}: {
  onDrop(data: DataTransfer): void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  const hasFiles = (e: React.DragEvent) => Array.from(e.dataTransfer.types).includes('Files');
  return (
    <div
      className="app"
      onDragEnter={(e) => {
        if (!hasFiles(e)) return;
        if (depth.current === 0) warmDecoder();
        depth.current++;
        setOver(true);
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDrop={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        depth.current = 0;
        setOver(false);
        onDrop(e.dataTransfer);
      }}
    >
      {children}
      {over && (
        <div className="drop-overlay" aria-hidden="true">
          {t('dropHere')}
        </div>
      )}
    </div>
  );
}
