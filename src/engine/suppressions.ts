// Inline suppressions written in Dockerfiles and compose files: dockpolicy's own comments, and those of the tools a repository may
// come from, honoured by alias so that existing decisions keep holding:
//   # dockpolicy-ignore rule-id[,rule-id] -- reason     the next instruction
//   # dockpolicy-ignore-file rule-id[,rule-id]          the whole file
//   # hadolint ignore=DL3008,SC2086                     the next instruction
//   # hadolint global ignore=DL3008                     the whole file
//   # check=skip=JSONArgsRecommended,StageNameCasing    BuildKit's parser directive: the whole file (`all`: every check)
// In compose files only dockpolicy's own comments exist; `dockpolicy-ignore` covers the key on the next line with
// everything nested under it (a service, a field, one list item).
import type { Finding } from './finding.js';
import type { RuleMeta } from './rule.js';
import type { SourceRef } from '../model/location.js';
import type { DockerfileModel } from '../parse/dockerfile.js';
import type { ComposeFile } from '../parse/compose.js';

export interface Suppression {
  source: 'dockpolicy' | 'hadolint' | 'buildkit';
  /** `file`: the whole file; `next`: the lines of the instruction that follows the comment. */
  scope: 'file' | 'next';
  file: string;
  /** Lines covered, for `next`. */
  lines?: [number, number];
  /** Where the comment is. */
  at: SourceRef;
  /** `dockpolicy-ignore ... -- reason`: whether a reason follows (config `inlineSuppressions.requireReason`). */
  reason: boolean;
  /** Each name as written, where it is, and the rule ids it stands for (empty: no dockpolicy rule has it). */
  names: { name: string; at: SourceRef; rules: string[]; used: boolean }[];
}

/** The names BuildKit's `check=skip=all` stands for: every rule carrying a BuildKit check name. */
const BUILDKIT_CHECKS = new Set([
  'StageNameCasing', 'FromAsCasing', 'NoEmptyContinuation', 'ConsistentInstructionCasing', 'DuplicateStageName', 'ReservedStageName',
  'JSONArgsRecommended', 'MaintainerDeprecated', 'UndefinedArgInFrom', 'WorkdirRelativePath', 'UndefinedVar', 'MultipleInstructionsDisallowed',
  'LegacyKeyValueFormat', 'RedundantTargetPlatform', 'SecretsUsedInArgOrEnv', 'InvalidDefaultArgInFrom', 'FromPlatformFlagConstDisallowed',
  'CopyIgnoredFile', 'ExposeProtoCasing', 'ExposeInvalidFormat',
]);

/** Maps rule ids and aliases (case-insensitively) to the rule ids that carry them. */
export function ruleNameIndex(metas: readonly RuleMeta[]): (name: string) => string[] {
  const index = new Map<string, string[]>();
  const add = (name: string, id: string) => {
    const key = name.toLowerCase();
    const ids = index.get(key) ?? [];
    if (!ids.includes(id)) ids.push(id);
    index.set(key, ids);
  };
  for (const meta of metas) {
    add(meta.id, meta.id);
    for (const alias of meta.aliases) add(alias, meta.id);
    if (meta.aliases.some((a) => BUILDKIT_CHECKS.has(a))) add('all', meta.id);
  }
  return (name) => index.get(name.toLowerCase()) ?? [];
}

const DOCKPOLICY_COMMENT = /^dockpolicy-ignore(-file)?\s+(.+?)(?:\s+--(?:\s.*)?)?$/;
const MAY_SUPPRESS = /dockpolicy-ignore|hadolint|#\s*check/i;
const hasReason = (content: string) => /\s--\s+\S/.test(content);

/** Rule names in a comma-separated list, each with its position on the comment's line. */
function namesAt(file: string, list: string, line: number, column: number, resolve: (name: string) => string[], allowAll: boolean): Suppression['names'] {
  return [...list.matchAll(/[^,\s]+/g)].map((m) => ({
    name: m[0],
    at: { file, range: { start: { line, column: column + m.index }, end: { line, column: column + m.index + m[0].length } } },
    rules: m[0] === 'all' && !allowAll ? [] : resolve(m[0]),
    used: false,
  }));
}

/** Reads the `# dockpolicy-ignore` comments of a compose file. */
export function readComposeSuppressions(compose: ComposeFile, resolve: (name: string) => string[]): Suppression[] {
  if (!compose.yaml.lines.text.includes('dockpolicy-ignore')) return []; // most files: no need to split them into lines
  const lines = compose.yaml.lines.text.split(/\r?\n/);
  const found: Suppression[] = [];
  const indentOf = (text: string) => (/^(\s*(?:-\s+)*)/.exec(text)?.[1]?.length ?? 0);
  const isContent = (text: string) => text.trim() !== '' && !text.trim().startsWith('#');
  lines.forEach((text, i) => {
    const comment = /^\s*#\s*(.*?)\s*$/.exec(text);
    const match = comment && DOCKPOLICY_COMMENT.exec(comment[1]!);
    if (!comment || !match) return;
    const line = i + 1;
    const column = text.indexOf(match[2]!, text.indexOf('dockpolicy-ignore')) + 1;
    const at = { file: compose.path, range: { start: { line, column: text.indexOf('#') + 1 }, end: { line, column: text.length + 1 } } };
    const suppression: Suppression = { source: 'dockpolicy', scope: match[1] ? 'file' : 'next', file: compose.path, at, reason: hasReason(comment[1]!), names: namesAt(compose.path, match[2]!, line, column, resolve, false) };
    if (!match[1]) {
      // The next content line and every line nested deeper than it.
      const first = lines.findIndex((t, j) => j > i && isContent(t));
      if (first >= 0) {
        const indent = indentOf(lines[first]!);
        let last = first;
        for (let j = first + 1; j < lines.length; j++) {
          if (!isContent(lines[j]!)) continue;
          if (/^\s*/.exec(lines[j]!)![0].length <= indent && !/^\s*$/.test(lines[j]!)) break;
          last = j;
        }
        suppression.lines = [first + 1, last + 1];
      }
    }
    found.push(suppression);
  });
  return found;
}

/** Dockerfiles found to have no suppression comment: copies of a Dockerfile share one model, each its own unit. */
const withoutSuppressions = new WeakSet<DockerfileModel>();

/** Reads the suppression comments of a Dockerfile. */
export function readSuppressions(df: DockerfileModel, resolve: (name: string) => string[]): Suppression[] {
  // Every comment below starts with one of these words: most files have none, and need no comment list.
  if (withoutSuppressions.has(df)) return [];
  if (!MAY_SUPPRESS.test(df.lines.text)) {
    withoutSuppressions.add(df);
    return [];
  }
  const found: Suppression[] = [];
  const instructions = df.ast.getInstructions();

  // dockerfile-ast reads some leading comments (`# hadolint global ignore=...`) as parser directives: read both kinds.
  const comments = [
    ...df.ast.getDirectives().map((d) => ({ range: d.getRange(), directive: true })),
    ...df.ast.getComments().map((c) => ({ range: c.getRange(), directive: false })),
  ];
  for (const { range, directive } of comments) {
    const line = range.start.line + 1;
    const lineText = df.lines.text.slice(df.lines.offset(line, 1), df.lines.offset(line, df.lines.lineEndColumn(line)));
    const content = lineText.replace(/^\s*#\s*/, '').trimEnd();
    let match: RegExpExecArray | null;
    let source: Suppression['source'];
    let scope: Suppression['scope'];
    let list: string;
    if (directive && (match = /^check\s*=(?:.*;)?\s*skip\s*=\s*([^;]*)/i.exec(content))) {
      [source, scope, list] = ['buildkit', 'file', match[1]!.trim()];
    } else if ((match = DOCKPOLICY_COMMENT.exec(content))) {
      [source, scope, list] = ['dockpolicy', match[1] ? 'file' : 'next', match[2]!];
    } else if ((match = /^hadolint\s+(global\s+)?ignore\s*=\s*(\S+)/.exec(content))) {
      [source, scope, list] = ['hadolint', match[1] ? 'file' : 'next', match[2]!];
    } else {
      continue;
    }
    const column = lineText.indexOf(list, lineText.indexOf(content.slice(0, 5))) + 1;
    const suppression: Suppression = { source, scope, file: df.path, at: df.ref(range), reason: source !== 'dockpolicy' || hasReason(content), names: namesAt(df.path, list, line, column, resolve, source === 'buildkit') };
    if (scope === 'next') {
      // The instruction that follows, across other comment lines; a suppression with no instruction after it covers nothing.
      const next = instructions.find((i) => i.getRange().start.line > range.start.line);
      if (next) suppression.lines = [next.getRange().start.line + 1, next.getRange().end.line + 1];
    }
    found.push(suppression);
  }
  return found;
}

/** Drops the findings a suppression covers, marking each suppression name that was used. */
export function applySuppressions(findings: Finding[], suppressions: Suppression[], requireReason = false): Finding[] {
  if (suppressions.length === 0) return findings;
  const byFile = new Map<string, Suppression[]>();
  for (const s of suppressions) if (s.reason || !requireReason) byFile.set(s.file, [...(byFile.get(s.file) ?? []), s]);
  return findings.filter((finding) => {
    let suppressed = false;
    for (const s of byFile.get(finding.file) ?? []) {
      if (s.scope === 'next' && !(s.lines && finding.range.start.line >= s.lines[0] && finding.range.start.line <= s.lines[1])) continue;
      for (const name of s.names) {
        if (name.rules.includes(finding.ruleId)) {
          name.used = true;
          suppressed = true;
        }
      }
    }
    return !suppressed;
  });
}
