/**
 * Serves the built renderer (out/renderer/) over node:http: GET and HEAD only, never a file outside
 * the root, `index.html` for `/` and for client-side routes, the CSP on every HTML response.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Headers every response carries: no sniffing, no framing, and no token leaking in a Referer. */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export interface StaticSiteOptions {
  /** The folder holding index.html and assets/ (out/renderer/ in a build). */
  root: string;
  /** The Content-Security-Policy sent with HTML. */
  contentSecurityPolicy: string;
}

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => void;

export function createStaticHandler({ root, contentSecurityPolicy }: StaticSiteOptions): RequestHandler {
  let realRoot: Promise<string> | undefined;
  const rootPath = () => (realRoot ??= realpath(root).catch(() => root));

  return (request, response) => {
    serve(request, response).catch(() => {
      if (!response.headersSent) sendText(response, 500, 'Internal error');
      else response.destroy();
    });
  };

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      sendText(response, 405, 'Method not allowed');
      return;
    }
    const pathname = decodedPathname(request.url ?? '/');
    if (pathname === null) {
      sendText(response, 400, 'Bad request');
      return;
    }
    const base = await rootPath();
    const requested = fileInside(base, pathname === '/' ? '/index.html' : pathname);
    if (requested === null) {
      sendText(response, 404, 'Not found');
      return;
    }

    const file = await existingFile(base, requested);
    if (file) {
      sendFile(request, response, file, contentSecurityPolicy);
      return;
    }
    // A path without an extension is a client-side route: the app decides what it shows.
    if (extname(pathname) === '') {
      const index = await existingFile(base, join(base, 'index.html'));
      if (index) {
        sendFile(request, response, index, contentSecurityPolicy);
        return;
      }
    }
    sendText(response, 404, 'Not found');
  }
}

/** The URL's path, percent-decoded; null when it cannot be decoded or smuggles a NUL byte. */
function decodedPathname(url: string): string | null {
  try {
    const pathname = decodeURIComponent(new URL(url, 'http://127.0.0.1').pathname);
    return pathname.includes('\0') ? null : pathname;
  } catch {
    return null;
  }
}

/** The absolute file path for a URL path, or null when it would leave the root. */
function fileInside(base: string, pathname: string): string | null {
  const candidate = join(base, pathname);
  const fromRoot = relative(base, candidate);
  if (fromRoot === '' || fromRoot.startsWith('..') || isAbsolute(fromRoot)) return null;
  return candidate;
}

interface SiteFile {
  path: string;
  /** The path relative to the root, e.g. `assets/index-3f2a.js`. */
  pathInSite: string;
  size: number;
}

/** The file at `path` when it is a regular file whose real location (symlinks resolved) is inside the root. */
async function existingFile(base: string, path: string): Promise<SiteFile | null> {
  try {
    const real = await realpath(path);
    if (!real.startsWith(base + sep)) return null;
    const info = await stat(real);
    return info.isFile() ? { path: real, pathInSite: relative(base, real), size: info.size } : null;
  } catch {
    return null;
  }
}

function sendFile(
  request: IncomingMessage,
  response: ServerResponse,
  { path, pathInSite, size }: SiteFile,
  contentSecurityPolicy: string,
): void {
  const extension = extname(path).toLowerCase();
  const headers: Record<string, string | number> = {
    ...BASE_HEADERS,
    'Content-Type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
    'Content-Length': size,
    'Cache-Control': cacheControlFor(pathInSite),
  };
  if (extension === '.html') headers['Content-Security-Policy'] = contentSecurityPolicy;
  response.writeHead(200, headers);
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  const stream = createReadStream(path);
  stream.on('error', () => response.destroy());
  stream.pipe(response);
}

/**
 * Vite names built assets by content hash, so they never change and may be cached for good; the page
 * itself is always fetched fresh so a rebuilt app is picked up on reload.
 */
function cacheControlFor(pathInSite: string): string {
  if (extname(pathInSite) === '.html') return 'no-store';
  if (pathInSite.startsWith(`assets${sep}`)) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

export function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    ...BASE_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  response.end(text);
}
