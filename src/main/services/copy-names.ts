/**
 * Names for copies: "Upper A (copy)", "Upper A (copy 2)", "Upper A (imported)"…, the first one no
 * other live row uses (case-insensitively), always within the 120 characters a name may have.
 */

const MAX_NAME_LENGTH = 120;

/** The key two names clash on. */
export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

/** "Upper A (copy 3)" → "Upper A": copying a copy numbers it, rather than stacking "(copy) (copy)". */
function withoutMarker(name: string, marker: string): string {
  const suffix = new RegExp(` \\(${marker}(?: \\d+)?\\)$`);
  return name.replace(suffix, '').trim() || name;
}

/**
 * The first free name "<base> (<marker>)", "<base> (<marker> 2)", … The chosen name is added to
 * `taken`, so several copies named in one go never clash with one another.
 */
export function numberedName(base: string, marker: 'copy' | 'imported', taken: Set<string>): string {
  const root = withoutMarker(base.trim(), marker);
  for (let n = 1; ; n += 1) {
    const suffix = n === 1 ? ` (${marker})` : ` (${marker} ${n})`;
    const name = `${root.slice(0, MAX_NAME_LENGTH - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(nameKey(name))) {
      taken.add(nameKey(name));
      return name;
    }
  }
}

/** `name` itself when free, else the first free "(imported)" variant; recorded in `taken`. */
export function freeName(name: string, marker: 'copy' | 'imported', taken: Set<string>): string {
  if (!taken.has(nameKey(name))) {
    taken.add(nameKey(name));
    return name;
  }
  return numberedName(name, marker, taken);
}
