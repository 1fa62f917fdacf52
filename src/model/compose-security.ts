import { entryAt, scalarAt, scalarsAt } from './fields.js';
import type { Report } from '../engine/rule.js';
import type { SourceRef } from './location.js';
import { isFragment, isRunnable, type LinkedService, type Project } from './project.js';

// Shared by the container-security rules (no-privileged, no-dangerous-capabilities, cap-drop-all, no-new-privileges,
// no-unconfined-profiles, no-host-namespaces): how Compose and the Docker daemon read the fields they judge.

/** Compose's boolean cast of a scalar (compose-go: `y`, `yes`, `true`, `on` in any case are true). */
export function isComposeTrue(value: string | undefined): boolean {
  return value !== undefined && /^(?:y|yes|true|on)$/i.test(value.trim());
}

/** Go's strconv.ParseBool true values, which the daemon uses for `no-new-privileges:<bool>`. */
export function isGoTrue(value: string): boolean {
  return ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value);
}

/** A capability as the daemon reads it: upper case, without the `CAP_` prefix (`cap_sys_admin` → `SYS_ADMIN`). */
export function capabilityName(text: string): string {
  const upper = text.trim().toUpperCase();
  return upper.startsWith('CAP_') ? upper.slice(4) : upper;
}

export interface ListItem {
  /** The interpolated text. */
  text: string;
  at: SourceRef;
}

/** A list field of a merged service (`cap_add`, `cap_drop`, `security_opt`) as Compose would pass it on. */
export interface ServiceList {
  /** The field's key, in the file that last set it. */
  keyAt: SourceRef;
  /** Items with a known value (a lone scalar counts as one item). */
  items: ListItem[];
  /** Some item holds a variable without a value: what the list contains cannot be told. */
  unknown: boolean;
}

/** The list field `key` of a service, merged across its stack's files; undefined when no file sets it. */
export function serviceList(service: LinkedService, key: string): ServiceList | undefined {
  const entry = entryAt(service.fields, key);
  if (!entry) return undefined;
  const values = scalarsAt(service.fields, key);
  const items = values.flatMap((v) => (v.value !== undefined ? [{ text: v.value, at: v.at }] : []));
  return { keyAt: entry.keyAt, items, unknown: items.length !== values.length };
}

/** A scalar field of a merged service with its known value; undefined when not set or unknown. */
export function serviceScalar(service: LinkedService, key: string): { value: string; at: SourceRef } | undefined {
  const v = scalarAt(service.fields, key);
  return v?.value !== undefined ? { value: v.value, at: v.at } : undefined;
}

/**
 * One `security_opt` item split as the daemon (and Compose) split it: at the first `=`, else at the first `:` (the
 * deprecated separator); an item with neither (`no-new-privileges`) has no value.
 */
export function parseSecurityOpt(text: string): { key: string; value?: string } {
  const t = text.trim();
  const sep = t.includes('=') ? '=' : t.includes(':') ? ':' : undefined;
  if (!sep) return { key: t };
  const i = t.indexOf(sep);
  return { key: t.slice(0, i), value: t.slice(i + 1) };
}

/**
 * Services a "X is missing" check judges: runnable ones (an override file's partial service is judged in the stack
 * that merges it) outside fragment stacks (an override file checked on its own).
 */
export function completeServices(project: Project): LinkedService[] {
  const fragments = new Set(project.stacks.filter((stack) => isFragment(stack, project.services.filter((s) => s.stack === stack))));
  return project.services.filter((s) => !fragments.has(s.stack) && isRunnable(s));
}

/** Where Compose reads one kind of resource limit, and which values of each key mean "no limit". */
export type LimitKeys = { key: string; unlimited: (text: string) => boolean }[];

/**
 * The memory, CPU and pids limit rules: reports a complete service that sets none of `keys` (at the service key), or
 * only values that mean no limit (at the first). A value written with an unset variable counts as a limit.
 */
export function checkLimit(project: Project, keys: LimitKeys, report: (r: Report) => void): void {
  for (const service of completeServices(project)) {
    const values = keys.flatMap((k) => {
      const value = scalarAt(service.fields, k.key);
      return value ? [{ ...k, value }] : [];
    });
    if (values.some((v) => v.value.value === undefined || !v.unlimited(v.value.value))) continue;
    const first = values[0];
    if (first) report({ messageId: 'unlimited', data: { service: service.name, key: first.key, value: first.value.value! }, at: first.value.at, stack: service.stack.name });
    else report({ messageId: 'missing', data: { service: service.name }, at: service.at, stack: service.stack.name });
  }
}
