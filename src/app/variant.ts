/**
 * `value` when it is the member of a union that carries `key`, else undefined: lets a
 * `<Match when>` pick one outcome of a load (`{missing}`, `{broken}`, `{survey}`…) typed.
 */
export function variant<T extends object, K extends string>(value: T | undefined, key: K): Extract<T, Record<K, unknown>> | undefined {
  return value !== undefined && key in value ? (value as Extract<T, Record<K, unknown>>) : undefined;
}
