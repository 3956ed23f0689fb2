/**
 * The e1RM trend of one exercise (ECharts, only the parts used): each session's best estimated
 * 1RM over its last sessions, in the user's unit, with the takeaway in one line above it. Colours
 * follow the light or dark theme.
 */
import { Classes } from '@blueprintjs/core';
import { LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { parseISO } from 'date-fns';
import { roundForDisplay, weightFromKg, type WeightUnit } from '../../components/units';
import { formatSessionDay } from './HistoryFormat';
import { e1rmTakeaway, type TrendPoint } from './ExerciseHistoryTrend';

echarts.use([LineChart, GridComponent, TooltipComponent, AriaComponent, SVGRenderer]);

/** No animation under test drivers (a half-drawn line in a screenshot helps nobody). */
const animate = typeof navigator === 'undefined' || !navigator.webdriver;

const dayTicks = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const monthTicks = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric' });
const DAY_TICKS_UP_TO_MS = 200 * 24 * 60 * 60 * 1000;

function tickFormat(points: readonly TrendPoint[]): Intl.DateTimeFormat {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return dayTicks;
  const span = parseISO(last.startedAt).getTime() - parseISO(first.startedAt).getTime();
  return span <= DAY_TICKS_UP_TO_MS ? dayTicks : monthTicks;
}

function themeColours(dark: boolean) {
  return dark
    ? { text: '#F6F7F9', muted: '#ABB3BF', grid: '#383E47', line: '#4C90F0', tooltip: '#2F343C' }
    : { text: '#1C2127', muted: '#5F6B7C', grid: '#E5E8EB', line: '#2D72D2', tooltip: '#FFFFFF' };
}

export function ExerciseHistoryChart({
  points,
  unit,
  dark,
  loading,
}: {
  /** Oldest first. */
  points: readonly TrendPoint[];
  unit: WeightUnit;
  dark: boolean;
  loading: boolean;
}) {
  const takeaway = e1rmTakeaway(points, unit, formatSessionDay);
  const option = useMemo<echarts.EChartsCoreOption>(() => {
    const colours = themeColours(dark);
    return {
      animation: animate,
      textStyle: { fontFamily: 'inherit', color: colours.text },
      grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        backgroundColor: colours.tooltip,
        borderColor: colours.grid,
        textStyle: { color: colours.text, fontSize: 12 },
        valueFormatter: (value: number) => `${value} ${unit}`,
      },
      xAxis: {
        type: 'time',
        axisLine: { lineStyle: { color: colours.grid } },
        // Ticks say the day and month; over a longer span, the month and year.
        axisLabel: {
          color: colours.muted,
          fontSize: 11,
          hideOverlap: true,
          formatter: (value: number) => tickFormat(points).format(new Date(value)),
        },
        splitLine: { show: false },
      },
      yAxis: {
        type: 'value',
        scale: true,
        name: unit,
        nameTextStyle: { color: colours.muted, fontSize: 11, align: 'right' },
        splitLine: { lineStyle: { color: colours.grid } },
        axisLabel: { color: colours.muted, fontSize: 11 },
      },
      series: [
        {
          name: 'e1RM',
          type: 'line',
          showSymbol: points.length <= 60,
          symbolSize: 5,
          lineStyle: { color: colours.line, width: 2 },
          itemStyle: { color: colours.line },
          data: points.map((point) => [
            parseISO(point.startedAt).getTime(),
            roundForDisplay(weightFromKg(point.e1rmKg, unit)),
          ]),
        },
      ],
    };
  }, [points, unit, dark]);

  return (
    <figure className="lt-exercise-trend" aria-busy={loading}>
      <figcaption>
        <h2 className={Classes.HEADING}>Estimated 1RM per session</h2>
        <p className={`lt-exercise-trend__takeaway ${loading ? Classes.SKELETON : ''}`}>{takeaway}</p>
      </figcaption>
      {points.length > 1 ? (
        <EChart option={option} label={`Estimated 1RM per session. ${takeaway}`} height={220} />
      ) : (
        <div className={`lt-exercise-trend__empty ${loading ? Classes.SKELETON : Classes.TEXT_MUTED}`}>
          The trend shows from the second session with an estimate.
        </div>
      )}
      <p className={`${Classes.TEXT_MUTED} lt-exercise-trend__note`}>
        Epley: weight × (1 + reps ⁄ 30), from completed sets of 1–12 reps that are not warm-ups.
      </p>
    </figure>
  );
}

function EChart({
  option,
  label,
  height,
}: {
  option: echarts.EChartsCoreOption;
  label: string;
  height: number;
}) {
  const described = useMemo(
    () => ({ ...option, aria: { enabled: true, label: { description: label } } }),
    [option, label],
  );
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(described, { notMerge: true });
  }, [described]);
  return (
    <div
      ref={element}
      className="lt-exercise-trend__chart"
      role="img"
      aria-label={label}
      style={{ height }}
    />
  );
}
