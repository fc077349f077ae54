import { useEffect, useRef } from 'react';
import {
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js';
import { useSession } from '../context';
import { isoDay } from '../days';
import { BurnDown } from '../forecast';
import { EntitlementRow } from '../types';

Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip);

/** One line's remaining balance over time, its forecast (dashed) and the end (a vertical rule). */
export default function BurnDownChart(props: {
  title: string;
  endLabel: string;
  line: EntitlementRow;
  drawn: BurnDown;
}) {
  const { format } = useSession();
  const canvas = useRef<HTMLCanvasElement>(null);
  const { drawn, line } = props;
  useEffect(() => {
    if (!canvas.current) return undefined;
    const top = Math.max(line.total, ...drawn.actual.map((p) => p.y));
    const bottom = Math.min(0, ...drawn.actual.map((p) => p.y));
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: {
        datasets: [
          {
            label: 'Remaining',
            data: drawn.actual,
            stepped: 'after',
            borderColor: '#0b5cad',
            backgroundColor: '#0b5cad',
            pointRadius: 0,
            borderWidth: 2,
          },
          {
            label: 'Forecast',
            data: drawn.forecast,
            borderColor: '#8a4b00',
            backgroundColor: '#8a4b00',
            borderDash: [6, 4],
            pointRadius: 0,
            borderWidth: 2,
          },
          {
            label: props.endLabel,
            data: [
              { x: drawn.end, y: bottom },
              { x: drawn.end, y: top },
            ],
            borderColor: '#a4262c',
            backgroundColor: '#a4262c',
            pointRadius: 0,
            borderWidth: 2,
          },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        parsing: false,
        normalized: true,
        scales: {
          x: {
            type: 'linear',
            min: drawn.actual[0].x,
            max: drawn.end + Math.ceil((drawn.end - drawn.actual[0].x) * 0.04),
            ticks: { maxTicksLimit: 6, callback: (value) => format.day(isoDay(Number(value))) },
          },
          y: {
            type: 'linear',
            suggestedMin: bottom,
            ticks: { callback: (value) => format.number(Number(value)) },
          },
        },
        plugins: {
          legend: { position: 'bottom', labels: { boxHeight: 2 } },
          tooltip: { callbacks: { title: (items) => format.day(isoDay(items[0].parsed.x ?? 0)) } },
        },
      },
    });
    return () => chart.destroy();
  }, [drawn, line.total, props.endLabel, format]);

  const facts = drawn.forecastFacts;
  const summary =
    `${props.title}: ${format.number(line.consumed)} used of ${format.number(line.total)}, ` +
    `${format.number(line.remaining)} remaining. ` +
    (facts.exhaustsOn
      ? `At ${format.rate(facts.burnRatePerDay)} per day it runs out ${format.day(facts.exhaustsOn)}` +
        (facts.exhaustsBeforeEnd ? ', before the end.' : ', after the end.')
      : 'Nothing consumed in the last 90 days.') +
    ` ${props.endLabel}.`;
  return (
    <figure className="chart" data-testid={`burndown-${line.contractId}-${line.entitlementId}`}>
      <figcaption>
        <strong>{props.title}</strong>
        {facts.exhaustsBeforeEnd && facts.exhaustsOn && (
          <span className="badge warn">Runs out {format.day(facts.exhaustsOn)}</span>
        )}
      </figcaption>
      <div className="canvas-box">
        <canvas ref={canvas} role="img" aria-label={summary} />
      </div>
      <p className="visually-hidden">{summary}</p>
    </figure>
  );
}
