import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy } from './csp';

describe('buildContentSecurityPolicy', () => {
  it('is the app policy, allowing loopback WebSockets by default', () => {
    expect(buildContentSecurityPolicy()).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; " +
        "img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self' ws://127.0.0.1:*; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
  });

  it("narrows connect-src to the web host's own socket", () => {
    expect(buildContentSecurityPolicy({ webSocketOrigin: 'ws://127.0.0.1:47321' })).toContain(
      "connect-src 'self' ws://127.0.0.1:47321;",
    );
  });

  it('leaves frame-ancestors out of the meta-tag form, where browsers ignore it', () => {
    const meta = buildContentSecurityPolicy({ forMetaTag: true });
    expect(meta).not.toContain('frame-ancestors');
    expect(meta).toContain("script-src 'self';");
  });
});
