/**
 * The domain compiles a working calendar or a set of classification rules once per object (WeakMap
 * caches), but what a repository reads is a new object each time. This hands back the object read
 * before when the content is the same, so the compiled form is reused across jobs (the data is
 * read-only: nobody mutates what a repository returns). A change of content is a new object.
 */
const instances = new Map<string, Map<string, object>>();

/** How many distinct contents of one kind are remembered (oldest forgotten first). */
const KEPT_PER_KIND = 16;

export function sameInstance<T extends object>(kind: string, value: T): T {
  const content = JSON.stringify(value);
  let known = instances.get(kind);
  if (!known) {
    known = new Map();
    instances.set(kind, known);
  }
  const earlier = known.get(content);
  if (earlier) return earlier as T;
  if (known.size >= KEPT_PER_KIND) known.delete(known.keys().next().value as string);
  known.set(content, value);
  return value;
}
