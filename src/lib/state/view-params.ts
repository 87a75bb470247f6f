/**
 * The per-view params bag with `key` set to `value`, or without `key` when `value` is null (a view's
 * default is the key's absence, so URLs stay short). Every other key is kept: `setParams` replaces
 * the whole bag, and other views' keys must survive.
 */
export function withParam(params: Record<string, string>, key: string, value: string | null): Record<string, string> {
  const { [key]: _, ...rest } = params;
  return value === null ? rest : { ...rest, [key]: value };
}
