/**
 * What the status colours mean: a swatch and a word for each, in the order a workout lives through
 * them. Shown beside anything coloured by status (the calendar, workout lists).
 */
import { Classes } from '@blueprintjs/core';
import type { ScheduleStatus } from '../../shared/domain/schedule';
import { STATUS_LABELS, statusChipStyle, useStatusTheme } from './statusColors';

const LEGEND_ORDER: readonly ScheduleStatus[] = [
  'scheduled',
  'in_progress',
  'completed',
  'missed',
  'skipped',
];

const legendStyle = {
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  gap: '4px 12px',
  margin: 0,
  padding: 0,
  listStyle: 'none',
  fontSize: 12,
} as const;

const swatchStyle = {
  display: 'inline-block',
  width: 10,
  height: 10,
  marginRight: 6,
  borderRadius: 2,
  verticalAlign: -1,
} as const;

export function StatusLegend({ className }: { className?: string }) {
  const theme = useStatusTheme();
  return (
    <ul className={className} style={legendStyle} aria-label="Status colours">
      {LEGEND_ORDER.map((status) => {
        const chip = statusChipStyle(status, theme);
        return (
          <li key={status} className={Classes.TEXT_MUTED} style={{ whiteSpace: 'nowrap' }}>
            <span
              aria-hidden
              style={{ ...swatchStyle, backgroundColor: chip.backgroundColor, boxShadow: chip.boxShadow }}
            />
            <span style={{ textDecoration: chip.textDecoration }}>{STATUS_LABELS[status]}</span>
          </li>
        );
      })}
    </ul>
  );
}
