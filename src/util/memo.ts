/**
 * `fn` with its answers kept by argument: names and texts recur file after file. Bounded, since the arguments come
 * from the files checked: past `limit` entries the memory starts afresh.
 */
export function memoized<T>(fn: (key: string) => T, limit = 100_000): (key: string) => T {
  const answers = new Map<string, T>();
  return (key) => {
    if (answers.has(key)) return answers.get(key)!;
    const answer = fn(key);
    if (answers.size >= limit) answers.clear();
    answers.set(key, answer);
    return answer;
  };
}
