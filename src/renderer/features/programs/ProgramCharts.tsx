/**
 * The preview's two charts (ECharts, only the parts used): planned weekly sets per muscle group as
 * stacked bars, and average intensity per week (%1RM and RPE) as lines. Each says its point in a
 * line of words above it. Colours follow the light or dark theme; deload weeks are shaded.
 */
import { BarChart, LineChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { Classes } from '@blueprintjs/core';
import { useEffect, useMemo, useRef } from 'react';
import type { Muscle } from '../../../shared/domain/exercise';
import type { WeekIntensity, WeekMuscleSets } from '../../../shared/calc/program-volume';
import { musclesByTotalSets } from '../../../shared/calc/program-volume';
import { intensityTakeaway, volumeTakeaway } from './takeaways';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkAreaComponent,
  AriaComponent,
  SVGRenderer,
]);

type Option = echarts.EChartsCoreOption;

/** Blueprint's palette (the "3" shades read on white and on dark grey alike). */
const SERIES_COLOURS = [
  '#2D72D2', // blue3
  '#C87619', // orange3
  '#238551', // green3
  '#CD4246', // red3
  '#7961DB', // violet3
  '#00A396', // turquoise3
  '#D1980B', // gold3
  '#DB2C6F', // rose3
  '#8EB125', // lime3
  '#946638', // sepia3
];
const OTHER_COLOUR = '#8F99A8'; // gray3
const MAX_MUSCLE_SERIES = 10;

const capitalize = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);
/** No animation under test drivers (screenshots of a half-drawn chart help nobody). */
const animate = typeof navigator === 'undefined' || !navigator.webdriver;

interface ThemeColours {
  text: string;
  muted: string;
  grid: string;
  deload: string;
  tooltipBg: string;
}

function themeColours(dark: boolean): ThemeColours {
  return dark
    ? {
        text: '#F6F7F9',
        muted: '#ABB3BF',
        grid: '#383E47',
        deload: 'rgba(50, 164, 103, 0.14)',
        tooltipBg: '#2F343C',
      }
    : {
        text: '#1C2127',
        muted: '#5F6B7C',
        grid: '#E5E8EB',
        deload: 'rgba(35, 133, 81, 0.10)',
        tooltipBg: '#FFFFFF',
      };
}

function EChart({ option, label, height }: { option: Option; label: string; height: number }) {
  // ECharts writes the chart's aria-label itself: it is given the takeaway to say.
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
  return <div ref={element} className="lt-chart" role="img" aria-label={label} style={{ height }} />;
}

/** Shades the deload weeks behind a chart's series. */
function deloadAreas(weeks: readonly { weekNumber: number; deload: boolean }[], colour: string) {
  const areas = weeks
    .filter((week) => week.deload)
    .map((week) => [{ xAxis: `W${week.weekNumber}` }, { xAxis: `W${week.weekNumber}` }]);
  return areas.length === 0 ? undefined : { silent: true, itemStyle: { color: colour }, data: areas };
}

function baseOption(colours: ThemeColours, weeks: readonly { weekNumber: number }[]): Option {
  return {
    animation: animate,
    textStyle: { fontFamily: 'inherit', color: colours.text },
    grid: { left: 8, right: 12, top: 36, bottom: 4, containLabel: true },
    tooltip: {
      trigger: 'axis',
      backgroundColor: colours.tooltipBg,
      borderColor: colours.grid,
      textStyle: { color: colours.text, fontSize: 12 },
    },
    legend: {
      top: 0,
      left: 0,
      type: 'scroll',
      textStyle: { color: colours.muted, fontSize: 11 },
      itemWidth: 12,
      itemHeight: 8,
    },
    xAxis: {
      type: 'category',
      data: weeks.map((week) => `W${week.weekNumber}`),
      axisLine: { lineStyle: { color: colours.grid } },
      axisTick: { show: false },
      axisLabel: { color: colours.muted, fontSize: 11 },
    },
  };
}

export function VolumeChart({ weeks, dark }: { weeks: readonly WeekMuscleSets[]; dark: boolean }) {
  const takeaway = volumeTakeaway(weeks);
  const option = useMemo<Option>(() => {
    const colours = themeColours(dark);
    const muscles = musclesByTotalSets(weeks);
    const shown = muscles.slice(0, MAX_MUSCLE_SERIES);
    const rest = muscles.slice(MAX_MUSCLE_SERIES);
    const round = (value: number) => Math.round(value * 10) / 10;
    const series = shown.map((muscle: Muscle, index) => ({
      name: capitalize(muscle),
      type: 'bar',
      stack: 'sets',
      barMaxWidth: 36,
      itemStyle: { color: SERIES_COLOURS[index % SERIES_COLOURS.length] },
      emphasis: { focus: 'series' },
      data: weeks.map((week) => round(week.setsByMuscle[muscle] ?? 0)),
    }));
    if (rest.length > 0) {
      series.push({
        name: 'Other',
        type: 'bar',
        stack: 'sets',
        barMaxWidth: 36,
        itemStyle: { color: OTHER_COLOUR },
        emphasis: { focus: 'series' },
        data: weeks.map((week) =>
          round(rest.reduce((sum, muscle) => sum + (week.setsByMuscle[muscle] ?? 0), 0)),
        ),
      });
    }
    const first = series[0] as Record<string, unknown> | undefined;
    if (first) first.markArea = deloadAreas(weeks, colours.deload);
    return {
      ...baseOption(colours, weeks),
      yAxis: {
        type: 'value',
        splitLine: { lineStyle: { color: colours.grid } },
        axisLabel: { color: colours.muted, fontSize: 11 },
      },
      series,
    };
  }, [weeks, dark]);
  return (
    <figure className="lt-chart-card">
      <figcaption>
        <h3 className={Classes.HEADING}>Planned sets per muscle group</h3>
        <p className="lt-chart-card__takeaway">{takeaway}</p>
      </figcaption>
      <EChart option={option} label={`Planned weekly sets per muscle group. ${takeaway}`} height={260} />
      <p className={`${Classes.TEXT_MUTED} lt-chart-card__note`}>
        Working sets; a secondary muscle counts half a set. Shaded: deload weeks.
      </p>
    </figure>
  );
}

export function IntensityChart({ weeks, dark }: { weeks: readonly WeekIntensity[]; dark: boolean }) {
  const takeaway = intensityTakeaway(weeks);
  const option = useMemo<Option>(() => {
    const colours = themeColours(dark);
    const axis = (suffix: string, min: number, max: number, show: boolean) => ({
      type: 'value',
      min,
      max,
      splitLine: { show, lineStyle: { color: colours.grid } },
      axisLabel: { color: colours.muted, fontSize: 11, formatter: `{value}${suffix}` },
    });
    const percents = weeks.map((week) => week.averagePercentOneRepMax);
    const rpes = weeks.map((week) => week.averageRpe);
    const present = percents.filter((value): value is number => value !== null);
    const hasRpe = rpes.some((value) => value !== null);
    const low = present.length > 0 ? Math.max(0, Math.floor((Math.min(...present) - 5) / 5) * 5) : 50;
    // A series with no values (a program prescribed only by %1RM, or only by RPE) is left out, so
    // the legend lists only lines the chart draws.
    const series: Record<string, unknown>[] = [];
    if (present.length > 0 || !hasRpe) {
      series.push({
        name: 'Average %1RM (left)',
        type: 'line',
        yAxisIndex: 0,
        connectNulls: true,
        symbolSize: 6,
        itemStyle: { color: SERIES_COLOURS[0] },
        lineStyle: { width: 2 },
        data: percents,
      });
    }
    if (hasRpe) {
      series.push({
        name: 'Average RPE (right)',
        type: 'line',
        yAxisIndex: 1,
        connectNulls: true,
        symbolSize: 6,
        itemStyle: { color: SERIES_COLOURS[1] },
        lineStyle: { width: 2, type: 'dashed' },
        data: rpes,
      });
    }
    const first = series[0];
    if (first) first.markArea = deloadAreas(weeks, colours.deload);
    return {
      ...baseOption(colours, weeks),
      yAxis: [
        { ...axis('%', low, 100, true), show: present.length > 0 || !hasRpe },
        { ...axis('', 5, 10, present.length === 0), show: hasRpe },
      ],
      series,
    };
  }, [weeks, dark]);
  return (
    <figure className="lt-chart-card">
      <figcaption>
        <h3 className={Classes.HEADING}>Average intensity per week</h3>
        <p className="lt-chart-card__takeaway">{takeaway}</p>
      </figcaption>
      <EChart option={option} label={`Average intensity per week. ${takeaway}`} height={260} />
      <p className={`${Classes.TEXT_MUTED} lt-chart-card__note`}>
        Averaged over working sets; RIR counts as RPE 10 − RIR.
      </p>
    </figure>
  );
}
