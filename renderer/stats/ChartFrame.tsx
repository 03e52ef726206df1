import { useRef, useState, type ReactNode } from 'react';
import { useNotify } from '../ui/notices';
import { saveChart, type ChartFormat } from './save-chart';
import { useStatsStrings } from './strings';

interface Props {
  title: string;
  hint?: string;
  /** File name without extension. */
  fileName: string;
  /** Shown instead of the chart (and no save buttons) when there is nothing to draw. */
  empty?: string | null;
  children?: ReactNode;
}

/** A titled chart with "Save SVG" and "Save PNG" buttons for the SVG inside it. */
export function ChartFrame({ title, hint, fileName, empty, children }: Props) {
  const t = useStatsStrings();
  const notify = useNotify();
  const body = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);

  const save = async (format: ChartFormat) => {
    const svg = body.current?.querySelector('svg');
    if (!svg) return;
    setBusy(true);
    try {
      await saveChart(svg, fileName, format, t('svgFilter'));
    } catch (error) {
      notify(
        'error',
        t('saveFailed', { detail: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="st-chart" aria-label={title}>
      <header className="st-chart-header">
        <h3>{title}</h3>
        {!empty && (
          <div className="st-actions">
            <button type="button" disabled={busy} onClick={() => void save('svg')}>
              {t('saveSvg')}
            </button>
            <button type="button" disabled={busy} onClick={() => void save('png')}>
              {t('savePng')}
            </button>
          </div>
        )}
      </header>
      {hint && <p className="st-hint">{hint}</p>}
      {empty ? (
        <p className="st-empty">{empty}</p>
      ) : (
        <div className="st-scroll" ref={body}>
          {children}
        </div>
      )}
    </section>
  );
}
