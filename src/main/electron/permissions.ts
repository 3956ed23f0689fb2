/**
 * Which web permissions the window's page gets. Everything is refused except what a feature needs,
 * and only for the app's own page (renderer-location.ts decides what that is):
 * - the microphone, for voice notes on a workout (audio only: never the camera, never a screen
 *   capture, never for a frame or page that is not ours);
 * - writing to the clipboard, behind "copy" buttons;
 * - notifications, for the end of a rest between sets while the window is in the background.
 * Electron asks twice: the request handler when a page asks (getUserMedia), the check handler when
 * Chromium wants to know the current state (enumerating devices, the Permissions API).
 */
import type { Session } from 'electron';

/** Granted to the app's page without a media type to check. */
const PAGE_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'notifications']);

export interface PermissionPolicyOptions {
  /** True for the app's own page only (the built index.html, or the dev server in development). */
  isAppUrl(url: string): boolean;
}

/** A page's request: the microphone alone from our page, or one of the page permissions. */
export function grantsRequest(
  permission: string,
  details: { requestingUrl?: string; mediaTypes?: readonly string[] },
  isAppUrl: (url: string) => boolean,
): boolean {
  if (details.requestingUrl === undefined || !isAppUrl(details.requestingUrl)) return false;
  if (permission === 'media') {
    // An empty list would be a request for nothing in particular: refuse rather than guess.
    const types = details.mediaTypes ?? [];
    return types.length > 0 && types.every((type) => type === 'audio');
  }
  return PAGE_PERMISSIONS.has(permission);
}

/** Chromium's check of a permission's state: the same rule, with one media type at a time. */
export function grantsCheck(
  permission: string,
  details: { requestingUrl?: string; mediaType?: string },
  isAppUrl: (url: string) => boolean,
): boolean {
  if (details.requestingUrl === undefined || !isAppUrl(details.requestingUrl)) return false;
  if (permission === 'media') return details.mediaType === 'audio';
  return PAGE_PERMISSIONS.has(permission);
}

/** Installs both handlers on the session the window uses. */
export function applyPermissionPolicy(session: Session, options: PermissionPolicyOptions): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? details.mediaTypes : undefined;
    callback(
      grantsRequest(permission, { requestingUrl: details.requestingUrl, mediaTypes }, options.isAppUrl),
    );
  });
  session.setPermissionCheckHandler((_contents, permission, _origin, details) =>
    grantsCheck(permission, details, options.isAppUrl),
  );
}
