/**
 * Params of `pattern` in `path`, or undefined when it does not match. `:name` matches one
 * segment; a final `*` matches the rest of the path, any number of segments, even none.
 */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  const rest = want[want.length - 1] === '*';
  if (rest ? got.length < want.length - 1 : got.length !== want.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    if (part === '*') break;
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(got[i]!);
    else if (part !== got[i]) return undefined;
  }
  return params;
}
