// Inline suppressions written in Dockerfiles: dockpolicy's own comments, and those of the tools a repository may
// come from, honoured by alias so that existing decisions keep holding:
//   # dockpolicy-ignore rule-id[,rule-id] -- reason     the next instruction
//   # dockpolicy-ignore-file rule-id[,rule-id]          the whole file
//   # hadolint ignore=DL3008,SC2086                     the next instruction
//   # hadolint global ignore=DL3008                     the whole file
//   # check=skip=JSONArgsRecommended,StageNameCasing    BuildKit's parser directive: the whole file (`all`: every check)
import type { Finding } from './finding.js';
import type { RuleMeta } from './rule.js';
import type { SourceRef } from '../model/location.js';
import type { DockerfileModel } from '../parse/dockerfile.js';

export interface Suppression {
  source: 'dockpolicy' | 'hadolint' | 'buildkit';
  /** `file`: the whole file; `next`: the lines of the instruction that follows the comment. */
  scope: 'file' | 'next';
  file: string;
  /** Lines covered, for `next`. */
  lines?: [number, number];
  /** Where the comment is. */
  at: SourceRef;
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

/** Reads the suppression comments of a Dockerfile. */
export function readSuppressions(df: DockerfileModel, resolve: (name: string) => string[]): Suppression[] {
  const found: Suppression[] = [];
  const instructions = df.ast.getInstructions();
  const namesIn = (list: string, line: number, column: number, allowAll = false) => {
    const names: Suppression['names'] = [];
    for (const m of list.matchAll(/[^,\s]+/g)) {
      const name = m[0];
      const at = { file: df.path, range: { start: { line, column: column + m.index }, end: { line, column: column + m.index + name.length } } };
      names.push({ name, at, rules: name === 'all' && !allowAll ? [] : resolve(name), used: false });
    }
    return names;
  };

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
    } else if ((match = /^dockpolicy-ignore(-file)?\s+(.+?)(?:\s+--(?:\s.*)?)?$/.exec(content))) {
      [source, scope, list] = ['dockpolicy', match[1] ? 'file' : 'next', match[2]!];
    } else if ((match = /^hadolint\s+(global\s+)?ignore\s*=\s*(\S+)/.exec(content))) {
      [source, scope, list] = ['hadolint', match[1] ? 'file' : 'next', match[2]!];
    } else {
      continue;
    }
    const column = lineText.indexOf(list, lineText.indexOf(content.slice(0, 5))) + 1;
    const suppression: Suppression = { source, scope, file: df.path, at: df.ref(range), names: namesIn(list, line, column, source === 'buildkit') };
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
export function applySuppressions(findings: Finding[], suppressions: Suppression[]): Finding[] {
  if (suppressions.length === 0) return findings;
  const byFile = new Map<string, Suppression[]>();
  for (const s of suppressions) byFile.set(s.file, [...(byFile.get(s.file) ?? []), s]);
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
