/**
 * Where the window loads the renderer from, and the one test of "is this URL our own page"
 * that navigation guards, permission checks and the IPC relay all share.
 */
import { pathToFileURL } from 'node:url';

export interface RendererLocation {
  /** What the window loads: the dev server in development, the built index.html otherwise. */
  readonly url: string;
  /** Set only in development (electron-vite's ELECTRON_RENDERER_URL). */
  readonly devServerUrl?: string;
  /** True for the app's own page (any hash or query), false for everything else. */
  isAppUrl(url: string): boolean;
}

export function rendererLocation(options: {
  devServerUrl?: string;
  indexHtmlPath: string;
}): RendererLocation {
  const { devServerUrl } = options;
  if (devServerUrl) {
    const devOrigin = new URL(devServerUrl).origin;
    return { url: devServerUrl, devServerUrl, isAppUrl: (url) => parse(url)?.origin === devOrigin };
  }
  const indexUrl = pathToFileURL(options.indexHtmlPath);
  return {
    url: indexUrl.href,
    isAppUrl(url) {
      const parsed = parse(url);
      // file: URLs have an opaque origin, so compare the exact file instead.
      return parsed?.protocol === 'file:' && parsed.host === '' && parsed.pathname === indexUrl.pathname;
    },
  };
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
