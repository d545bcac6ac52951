/**
 * A small chart drawn by uPlot (canvas, ~50 kB, fast with thousands of points) with its text
 * alternative: a one-sentence summary and the data as a table. The canvas is hidden from screen
 * readers; the summary and the table say the same.
 */
import { useEffect, useId, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { t } from '../i18n';

export type ChartSeries = { label: string; values: readonly number[]; color: string };

type Props = {
  title: string;
  summary: string;
  /** One label per x position (days, buckets, weeks). */
  labels: readonly string[];
  series: readonly ChartSeries[];
  kind: 'bars' | 'lines';
  /** Header of the label column of the data table. */
  labelHeader: string;
  height?: number;
};

export function Chart({ title, summary, labels, series, kind, labelHeader, height = 200 }: Props) {
  const captionId = useId();
  return (
    <figure className="sla-chart" aria-labelledby={captionId}>
      <figcaption id={captionId} className="sla-chart__title">
        {title}
      </figcaption>
      <p className="sla-chart__summary">{summary}</p>
      <UPlot labels={labels} series={series} kind={kind} height={height} />
      <details className="sla-chart__data">
        <summary>{t('sla.chartData')}</summary>
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{labelHeader}</th>
              {series.map((s) => (
                <th key={s.label} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((label, i) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {series.map((s) => (
                  <td key={s.label}>{s.values[i] ?? 0}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

function UPlot({ labels, series, kind, height }: Pick<Props, 'labels' | 'series' | 'kind'> & { height: number }) {
  const holder = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const shape = `${kind}|${series.map((s) => s.label).join('|')}`;
  const labelsRef = useRef(labels);
  const data = (): uPlot.AlignedData => [labels.map((_, i) => i), ...series.map((s) => [...s.values])];

  // (Re)build when the kind of chart or its series change; otherwise only the data is replaced.
  useEffect(() => {
    const el = holder.current;
    if (!el) return;
    const bars = kind === 'bars' ? uPlot.paths.bars?.({ size: [0.6, 48] }) : undefined;
    const options: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height,
      legend: { show: series.length > 1 },
      cursor: { show: true, drag: { x: false, y: false } },
      scales: { x: { time: false, range: (_u, min, max) => [min - 0.5, max + 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
      axes: [
        { values: (_u, splits) => splits.map((i) => (Number.isInteger(i) ? (labelsRef.current[i] ?? '') : '')), stroke: 'currentColor', grid: { show: false } },
        { stroke: 'currentColor', values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? String(v) : '')) },
      ],
      series: [
        {},
        ...series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: kind === 'bars' ? 1 : 2,
          ...(kind === 'bars' ? { fill: s.color, paths: bars } : { points: { show: true } }),
        })),
      ],
    };
    const created = new uPlot(options, data(), el);
    plot.current = created;
    const resize = new ResizeObserver(() => created.setSize({ width: Math.max(200, el.clientWidth), height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      created.destroy();
      plot.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- rebuilt per shape; data follows below
  }, [shape, height]);

  useEffect(() => {
    labelsRef.current = labels;
    plot.current?.setData(data());
  });

  return <div ref={holder} className="sla-chart__plot" aria-hidden="true" />;
}
