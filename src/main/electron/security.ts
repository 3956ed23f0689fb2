/**
 * The shell's security settings (Electron's security checklist): a CSP on every response, no
 * navigation away from the app, no new windows, no <webview>, and permissions denied unless listed
 * (permissions.ts).
 */
import { shell, type App, type Session, type WebContents } from 'electron';
import { applyPermissionPolicy } from './permissions';

/** Links the app may open in the user's browser (https only, exact origins). */
export const EXTERNAL_LINK_ORIGINS: readonly string[] = [
  'https://lifttracker.app',
  'https://www.lifttracker.app',
  'https://docs.lifttracker.app',
];

export interface SecurityOptions {
  contentSecurityPolicy: string;
  isAppUrl(url: string): boolean;
  externalLinkOrigins?: readonly string[];
}

export function isAllowedExternalLink(
  url: string,
  origins: readonly string[] = EXTERNAL_LINK_ORIGINS,
): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && origins.includes(parsed.origin);
  } catch {
    return false;
  }
}

/** CSP header and permission handlers, on the session the window uses. */
export function applySessionSecurity(session: Session, options: SecurityOptions): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(
        ([name]) => name.toLowerCase() !== 'content-security-policy',
      ),
    );
    responseHeaders['Content-Security-Policy'] = [options.contentSecurityPolicy];
    callback({ responseHeaders });
  });

  applyPermissionPolicy(session, options);
}

/** Guards every web contents the app creates, including any it did not expect to. */
export function installNavigationGuards(app: App, options: SecurityOptions): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, options));
}

export function guardWebContents(contents: WebContents, options: SecurityOptions): void {
  const origins = options.externalLinkOrigins ?? EXTERNAL_LINK_ORIGINS;
  const openIfAllowed = (url: string): void => {
    if (!isAllowedExternalLink(url, origins)) return;
    shell.openExternal(url).catch((error: unknown) => console.error(`Could not open ${url}:`, error));
  };

  contents.on('will-navigate', (event) => {
    if (options.isAppUrl(event.url)) return;
    event.preventDefault();
    openIfAllowed(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!options.isAppUrl(event.url)) event.preventDefault();
  });
  // window.open and target=_blank: never a new Electron window; allowed links open in the browser.
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
