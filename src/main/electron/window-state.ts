/**
 * Remembering where the window was: a small JSON file in the data folder, read at start-up and
 * placed back on a display that is still connected (a laptop undocked from its monitor must not
 * open the window off-screen). Plain Node, so the placement rules are tested without Electron.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

export const MIN_WINDOW_WIDTH = 1024;
export const MIN_WINDOW_HEIGHT = 700;
const DEFAULT_WIDTH = 1280;
const DEFAULT_HEIGHT = 820;
/** How much of the title bar must be on a display for the saved position to count as visible. */
const MIN_VISIBLE_PX = 64;

export const WINDOW_STATE_FILE = 'window-state.json';

const savedWindowState = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});
export type SavedWindowState = z.infer<typeof savedWindowState>;

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowPlacement {
  /** Absent: let Electron centre the window. */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** The saved state, or undefined when the file is missing, unreadable or not ours. */
export function readWindowState(file: string): SavedWindowState | undefined {
  try {
    const parsed = savedWindowState.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function writeWindowState(file: string, state: SavedWindowState): void {
  try {
    writeFileSync(file, `${JSON.stringify(state)}\n`);
  } catch (error) {
    // Losing the window position is not worth failing a quit over.
    console.warn('Could not save the window position:', error);
  }
}

/**
 * Where to open the window: the saved bounds moved and shrunk to fit the display they mostly
 * overlap, or a default size (centred) when there is nothing saved or its display is gone.
 */
export function placeWindow(
  saved: SavedWindowState | undefined,
  workAreas: readonly Rectangle[],
  primaryWorkArea: Rectangle,
): WindowPlacement {
  const fallback: WindowPlacement = {
    width: Math.min(DEFAULT_WIDTH, primaryWorkArea.width),
    height: Math.min(DEFAULT_HEIGHT, primaryWorkArea.height),
    maximized: saved?.maximized ?? false,
  };
  if (!saved) return fallback;

  const titleBar = { x: saved.x, y: saved.y, width: saved.width, height: MIN_VISIBLE_PX };
  const display = largestOverlap(titleBar, workAreas);
  if (!display) return fallback;

  const width = Math.min(saved.width, display.width);
  const height = Math.min(saved.height, display.height);
  return {
    x: clamp(saved.x, display.x, display.x + display.width - width),
    y: clamp(saved.y, display.y, display.y + display.height - height),
    width,
    height,
    maximized: saved.maximized,
  };
}

function largestOverlap(rect: Rectangle, areas: readonly Rectangle[]): Rectangle | undefined {
  let best: Rectangle | undefined;
  let bestArea = 0;
  for (const area of areas) {
    const overlapWidth = Math.min(rect.x + rect.width, area.x + area.width) - Math.max(rect.x, area.x);
    const overlapHeight = Math.min(rect.y + rect.height, area.y + area.height) - Math.max(rect.y, area.y);
    if (overlapWidth < MIN_VISIBLE_PX || overlapHeight <= 0) continue;
    if (overlapWidth * overlapHeight > bestArea) {
      best = area;
      bestArea = overlapWidth * overlapHeight;
    }
  }
  return best;
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}
