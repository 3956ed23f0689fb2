/**
 * The Content-Security-Policy every host serves the renderer with: the Electron shell as a response
 * header, the web host on its HTTP responses. Plain Node, no Electron.
 *
 * Why each source is there:
 * - style-src 'unsafe-inline': Blueprint and FullCalendar inject <style> elements at run time.
 * - font-src data:: FullCalendar ships its icon font as a data: URL.
 * - img-src / media-src blob:: charts exported as images, and object URLs for imports.
 * - connect-src ws://127.0.0.1:*: the web host's WebSocket (bound to loopback only).
 * Development needs nothing more: 'self' covers the Vite dev server's HMR socket (CSP 3 matches
 * ws: on the page's own host and port), and @vitejs/plugin-react 6 loads its Fast Refresh preamble
 * as a module, not an inline script.
 */

export interface ContentSecurityPolicyOptions {
  /** The WebSocket origin the renderer may connect to; the web host passes its own `ws://127.0.0.1:<port>`. */
  webSocketOrigin?: string;
  /**
   * For a <meta http-equiv> tag: browsers ignore (and warn about) frame-ancestors there, so it is
   * left out. The packaged app loads from file://, where only the meta tag applies.
   */
  forMetaTag?: boolean;
}

export const DEFAULT_WEB_SOCKET_ORIGIN = 'ws://127.0.0.1:*';

export function buildContentSecurityPolicy(options: ContentSecurityPolicyOptions = {}): string {
  const webSocketOrigin = options.webSocketOrigin ?? DEFAULT_WEB_SOCKET_ORIGIN;
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'font-src': ["'self'", 'data:'],
    'img-src': ["'self'", 'data:', 'blob:'],
    'media-src': ["'self'", 'blob:'],
    'connect-src': ["'self'", webSocketOrigin],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'none'"],
  };
  if (options.forMetaTag) delete directives['frame-ancestors'];
  return Object.entries(directives)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');
}
