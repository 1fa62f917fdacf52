// Reading LABEL, ENV and ARG instructions the way BuildKit does (key/value pairs, ARG words, `$VAR` references with
// quotes and the escape character), and the label value formats of hadolint's label schema (DL3052-DL3058).
import type { Instruction } from 'dockerfile-ast';
import type { SourceRef } from './location.js';
import type { Project } from './project.js';
import { lineage } from './stage.js';
import { substitute, type DockerfileModel, type Stage } from '../parse/dockerfile.js';

type AstRange = NonNullable<Parameters<DockerfileModel['ref']>[0]>;
type AstPosition = AstRange['start'];

interface AstProperty {
  getName(): string;
  getNameRange(): AstRange;
  getValue(): string | null;
  getValueRange(): AstRange | null;
  getAssignmentOperator(): string | null;
}


/** The escape character of a Dockerfile (`# escape=` directive), `\` by default. */
export function escapeCharOf(df: DockerfileModel): string {
  const ast = df.ast as unknown as { getEscapeCharacter?: () => string };
  return ast.getEscapeCharacter?.() || '\\';
}

/** Character offset in `df.text` of a dockerfile-ast position. */
export function offsetOf(df: DockerfileModel, position: AstPosition): number {
  return df.lines.offset(position.line + 1, position.character + 1);
}

/** A source reference for the text between two offsets of `df.text` (through `df.ref`, so inline Dockerfiles map into their compose file). */
export function refAt(df: DockerfileModel, start: number, end: number): SourceRef {
  const from = df.lines.position(start);
  const to = df.lines.position(Math.max(start, end));
  return df.ref({ start: { line: from.line - 1, character: from.column - 1 }, end: { line: to.line - 1, character: to.column - 1 } });
}

/** The ONBUILD trigger instructions of a stage (`ONBUILD LABEL a=b` gives the LABEL). */
export function onbuildTriggers(instructions: readonly Instruction[]): Instruction[] {
  const out: Instruction[] = [];
  for (const i of instructions) {
    if (i.getKeyword() !== 'ONBUILD') continue;
    const trigger = (i as unknown as { getTriggerInstruction?(): Instruction | null }).getTriggerInstruction?.();
    if (trigger) out.push(trigger);
  }
  return out;
}

/** One key/value pair of a LABEL or ENV instruction. */
export interface KeyValue {
  /** The key with quotes removed. */
  name: string;
  /** The value after quote and escape processing; null when the instruction gives none. */
  value: string | null;
  /** The value as written, quotes included; null when the instruction gives none. */
  raw: string | null;
  nameRange: AstRange;
  valueRange: AstRange | null;
  /** Offsets in `df.text` of the value as written. */
  valueStart?: number;
  valueEnd?: number;
  /** Written in the legacy `KEY value` form, without `=`. */
  legacy: boolean;
}

/** The key/value pairs of a LABEL or ENV instruction, as BuildKit reads them. */
export function keyValues(df: DockerfileModel, instruction: Instruction): KeyValue[] {
  // Eight rules read the pairs of each ENV and LABEL, and dockerfile-ast works each value out again on every call:
  // read once per instruction, and shared (read only).
  let pairs = keyValueCache.get(instruction);
  if (!pairs) keyValueCache.set(instruction, (pairs = readKeyValues(df, instruction)));
  return pairs;
}

const keyValueCache = new WeakMap<Instruction, KeyValue[]>();

function readKeyValues(df: DockerfileModel, instruction: Instruction): KeyValue[] {
  const props = (instruction as unknown as { getProperties?(): AstProperty[] }).getProperties?.() ?? [];
  return props.map((p) => {
    const valueRange = p.getValueRange();
    const valueStart = valueRange ? offsetOf(df, valueRange.start) : undefined;
    const valueEnd = valueRange ? offsetOf(df, valueRange.end) : undefined;
    const value = p.getValue();
    return {
      name: p.getName(),
      value,
      raw: valueStart !== undefined && valueEnd !== undefined ? df.text.slice(valueStart, valueEnd) : null,
      nameRange: p.getNameRange(),
      valueRange,
      valueStart,
      valueEnd,
      legacy: p.getAssignmentOperator() === null && value !== null,
    };
  });
}

/** One name declared by an ARG instruction: `ARG A B=2` declares A (no default) and B (default `2`). */
export interface ArgDeclaration {
  name: string;
  /** The default as written (quotes included); undefined without `=`. */
  raw?: string;
  /** The default with quotes and escapes removed (variables not expanded). */
  value?: string;
  /** Offsets in `df.text` of the name, and of the default as written. */
  nameStart: number;
  nameEnd: number;
  valueStart?: number;
  valueEnd?: number;
}

/**
 * The names an ARG declares. BuildKit splits ARG arguments into words (quotes and the escape character kept together)
 * and reads each as `name` or `name=default`: unlike ENV and LABEL there is no `ARG name value` form.
 */
export function argDeclarations(df: DockerfileModel, instruction: Instruction): ArgDeclaration[] {
  // Read once per instruction and shared (read only), as keyValues.
  let declarations = argCache.get(instruction);
  if (!declarations) argCache.set(instruction, (declarations = readArgDeclarations(df, instruction)));
  return declarations;
}

const argCache = new WeakMap<Instruction, ArgDeclaration[]>();

function readArgDeclarations(df: DockerfileModel, instruction: Instruction): ArgDeclaration[] {
  const range = instruction.getArgumentsRange();
  if (!range) return [];
  const escape = escapeCharOf(df);
  const out: ArgDeclaration[] = [];
  for (const word of shellWords(df.text, offsetOf(df, range.start), offsetOf(df, range.end), escape)) {
    if (word.text.startsWith('--')) continue; // ARG --required and other flags
    const eq = word.text.indexOf('=');
    const name = unquote(eq < 0 ? word.text : word.text.slice(0, eq), escape);
    if (name === '') continue;
    if (eq < 0) {
      out.push({ name, nameStart: word.start, nameEnd: word.end });
      continue;
    }
    const raw = word.text.slice(eq + 1);
    out.push({ name, raw, value: unquote(raw, escape), nameStart: word.start, nameEnd: word.start + eq, valueStart: word.start + eq + 1, valueEnd: word.end });
  }
  return out;
}

const CONTINUATION = /[ \t]*\r?\n/y;

/** Whitespace-separated words of `text[start, end)`, with quotes and escaped characters kept inside a word; line continuations are skipped. */
function shellWords(text: string, start: number, end: number, escape: string): { text: string; start: number; end: number }[] {
  const words: { text: string; start: number; end: number }[] = [];
  let wordStart = -1;
  let quote: string | undefined;
  const close = (at: number) => {
    if (wordStart >= 0) words.push({ text: text.slice(wordStart, at), start: wordStart, end: at });
    wordStart = -1;
  };
  for (let i = start; i < end; i++) {
    const ch = text[i]!;
    if (ch === escape && quote !== "'") {
      // The escape character before the end of a line joins lines (a continuation); anything else escaped belongs to the word.
      CONTINUATION.lastIndex = i + 1;
      if (CONTINUATION.test(text)) {
        i = CONTINUATION.lastIndex - 1;
        continue;
      }
      if (wordStart < 0) wordStart = i;
      i++;
      continue;
    }
    if (quote) {
      if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' || ch === "'") {
      if (wordStart < 0) wordStart = i;
      quote = ch;
      continue;
    }
    if (/\s/.test(ch)) {
      close(i);
      continue;
    }
    if (wordStart < 0) wordStart = i;
  }
  close(end);
  return words;
}

/** Removes quotes and escape characters from a word as written (variables are left as they are). */
export function unquote(word: string, escape = '\\'): string {
  let out = '';
  let quote: string | undefined;
  for (let i = 0; i < word.length; i++) {
    const ch = word[i]!;
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else out += ch;
      continue;
    }
    if (ch === escape && i + 1 < word.length) {
      const next = word[i + 1]!;
      if (quote === '"' && next !== '"' && next !== '$' && next !== escape) out += ch;
      out += next;
      i++;
      continue;
    }
    if (ch === '"' || ch === "'") {
      if (quote === ch) quote = undefined;
      else if (quote === undefined) quote = ch;
      else out += ch;
      continue;
    }
    out += ch;
  }
  return out;
}

/** A `$NAME` or `${NAME...}` reference found in text. */
export interface VariableReference {
  name: string;
  /** Offset of the `$` in the scanned text. */
  index: number;
  /** Length of `$NAME` or `${NAME`. */
  length: number;
  /** `$NAME`, `${NAME}`, or `${NAME` followed by a modifier (`:-`, `:+`, `%`...). */
  form: 'bare' | 'braced' | 'modified';
}

const NAME_AT = /[A-Za-z_][A-Za-z0-9_]*/y;

/**
 * The variable references BuildKit expands in an instruction argument: `$NAME` and `${NAME...}` (also inside the
 * default word of a `${A:-$B}`), not after the escape character, and not inside single quotes unless `quotes` is false
 * (COPY here-documents are expanded without quote processing). Positional and special parameters (`$1`, `$@`) are not
 * variables.
 */
export function variableReferences(text: string, escape = '\\', quotes = true): VariableReference[] {
  const refs: VariableReference[] = [];
  let single = false;
  let double = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (single) {
      if (ch === "'") single = false;
      continue;
    }
    if (ch === escape) {
      i++;
      continue;
    }
    if (quotes && ch === "'" && !double) {
      single = true;
      continue;
    }
    if (quotes && ch === '"') {
      double = !double;
      continue;
    }
    if (ch !== '$') continue;
    const braced = text[i + 1] === '{';
    NAME_AT.lastIndex = i + (braced ? 2 : 1);
    const m = NAME_AT.exec(text);
    if (!m) continue;
    const name = m[0];
    const after = text[NAME_AT.lastIndex];
    const form = !braced ? 'bare' : after === '}' ? 'braced' : 'modified';
    refs.push({ name, index: i, length: NAME_AT.lastIndex - i, form });
    i = NAME_AT.lastIndex - 1;
  }
  return refs;
}

/** Does the text (as written) hold a variable reference, whose value is known only at build time? */
export function hasVariable(text: string, escape = '\\'): boolean {
  return variableReferences(text, escape).length > 0;
}

/**
 * ARG and ENV values known just before `instruction` in `stage` (ENV and ARG values inherited from parent stages, as
 * BuildKit's stage state carries them; an ARG without a default takes the global one). Values that reference unknown
 * variables are left out, and an ARG without any default hides an earlier value.
 */
export function knownVariables(df: DockerfileModel, stage: Stage, instruction?: Instruction): Map<string, string> {
  const vars = new Map<string, string>();
  for (const s of lineage(stage)) {
    for (const i of s.instructions) {
      if (s === stage && i === instruction) return vars;
      const keyword = i.getKeyword();
      if (keyword === 'ARG') {
        for (const a of argDeclarations(df, i)) {
          const raw = a.value ?? df.globalArgs.get(a.name);
          const value = raw === undefined ? undefined : substitute(raw, vars);
          if (value === undefined) vars.delete(a.name);
          else vars.set(a.name, value);
        }
      } else if (keyword === 'ENV') {
        const before = new Map(vars);
        for (const kv of keyValues(df, i)) {
          const value = kv.value === null ? undefined : substitute(kv.value, before);
          if (value === undefined) vars.delete(kv.name);
          else vars.set(kv.name, value);
        }
      }
    }
  }
  return vars;
}

// ---------------------------------------------------------------------------
// Label value formats (hadolint's label schema types)
// ---------------------------------------------------------------------------

/** The label types of hadolint's `label-schema` configuration. */
export const LABEL_TYPES = ['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email'] as const;
export type LabelType = (typeof LABEL_TYPES)[number];

const UNRESERVED = 'A-Za-z0-9\\-._~';
const SUB_DELIMS = "!$&'()*+,;=";
const PCT = '%[0-9A-Fa-f]{2}';
const PCHAR = `(?:[${UNRESERVED}${SUB_DELIMS}:@]|${PCT})`;
const USERINFO = `(?:[${UNRESERVED}${SUB_DELIMS}:]|${PCT})*`;
const HOST = `(?:\\[(?:[0-9A-Fa-f:.]+|v[0-9A-Fa-f]+\\.[${UNRESERVED}${SUB_DELIMS}:]+)\\]|(?:[${UNRESERVED}${SUB_DELIMS}]|${PCT})*)`;
const AUTHORITY = `(?:${USERINFO}@)?${HOST}(?::[0-9]*)?`;
const HIER_PART = `(?://${AUTHORITY}(?:/${PCHAR}*)*|/(?:${PCHAR}+(?:/${PCHAR}*)*)?|${PCHAR}+(?:/${PCHAR}*)*|)`;
const QUERY = `(?:${PCHAR}|[/?])*`;
const ABSOLUTE_URI = new RegExp(`^[A-Za-z][A-Za-z0-9+.-]*:${HIER_PART}(?:\\?${QUERY})?(?:#${QUERY})?$`);

/** An absolute URI as RFC 3986 defines it (`https://example.com/x`, `mailto:a@b.c`): what hadolint's URL check (Network.URI.parseURI) accepts. */
export function isUrl(value: string): boolean {
  return ABSOLUTE_URI.test(value);
}

// The zone offset may leave out its colon (`+0100`), as hadolint's parser (timerep) accepts.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|[+-](\d{2}):?(\d{2}))$/;

/** An RFC 3339 date-time with a zone: `2024-05-01T12:30:00Z`, `2021-03-10T10:26:33.564595127+01:00`. */
export function isRfc3339(value: string): boolean {
  const m = RFC3339.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (days === undefined || day < 1 || day > days || hour > 23 || minute > 59 || second > 60) return false;
  return m[7] === undefined || (Number(m[7]) <= 23 && Number(m[8]) <= 59);
}

// As hadolint's parser (the semver package) reads it: numbers may have leading zeros.
const IDENTS = '[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*';
const SEMVER = new RegExp(`^\\d+\\.\\d+\\.\\d+(?:-${IDENTS})?(?:\\+${IDENTS})?$`);

/** A Semantic Versioning 2.0.0 version: `1.2.3`, `2.0.1-rc1`, `1.0.0+build.5` (no `v` prefix). */
export function isSemver(value: string): boolean {
  return SEMVER.test(value);
}

/** A git commit hash as hadolint accepts it: 7 or 40 lower-case hexadecimal digits. */
export function isGitHash(value: string): boolean {
  return /^(?:[0-9a-f]{7}|[0-9a-f]{40})$/.test(value);
}

const ATEXT = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const LOCAL_PART = `(?:${ATEXT}(?:\\.${ATEXT})*|"(?:[\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]|\\\\[\\x20-\\x7e])*")`;
const DOMAIN_LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const EMAIL = new RegExp(`^${LOCAL_PART}@(?:${DOMAIN_LABEL}(?:\\.${DOMAIN_LABEL})*\\.?|\\[[\\x21-\\x5a\\x5e-\\x7e]*\\])$`);

/** An RFC 5322 address (addr-spec: `name@example.com`, no display name), as hadolint's email check (email-validate) accepts. */
export function isEmail(value: string): boolean {
  const at = value.lastIndexOf('@');
  return at > 0 && value.length - at - 1 <= 255 && EMAIL.test(value);
}

// SPDX license and exception identifiers: the SPDX License List (3.27) with its deprecated identifiers, as published
// in the spdx-license-ids (CC0-1.0) and spdx-exceptions packages.
const LICENSE_IDS = [
  "0BSD 3D-Slicer-1.0 AAL ADSL AFL-1.1 AFL-1.2 AFL-2.0 AFL-2.1 AFL-3.0 AGPL-1.0-only AGPL-1.0-or-later",
  "AGPL-3.0-only AGPL-3.0-or-later ALGLIB-Documentation AMD-newlib AMDPLPA AML AML-glslang AMPAS ANTLR-PD",
  "ANTLR-PD-fallback APAFML APL-1.0 APSL-1.0 APSL-1.1 APSL-1.2 APSL-2.0 ASWF-Digital-Assets-1.0",
  "ASWF-Digital-Assets-1.1 Abstyles AdaCore-doc Adobe-2006 Adobe-Display-PostScript Adobe-Glyph Adobe-Utopia",
  "Advanced-Cryptics-Dictionary Afmparse Aladdin Apache-1.0 Apache-1.1 Apache-2.0 App-s2p Arphic-1999",
  "Artistic-1.0 Artistic-1.0-Perl Artistic-1.0-cl8 Artistic-2.0 Artistic-dist Aspell-RU BOLA-1.1 BSD-1-Clause",
  "BSD-2-Clause BSD-2-Clause-Darwin BSD-2-Clause-Patent BSD-2-Clause-Views BSD-2-Clause-first-lines",
  "BSD-2-Clause-pkgconf-disclaimer BSD-3-Clause BSD-3-Clause-Attribution BSD-3-Clause-Clear BSD-3-Clause-HP",
  "BSD-3-Clause-LBNL BSD-3-Clause-Modification BSD-3-Clause-No-Military-License BSD-3-Clause-No-Nuclear-License",
  "BSD-3-Clause-No-Nuclear-License-2014 BSD-3-Clause-No-Nuclear-Warranty BSD-3-Clause-Open-MPI BSD-3-Clause-Sun",
  "BSD-3-Clause-Tso BSD-3-Clause-acpica BSD-3-Clause-flex BSD-4-Clause BSD-4-Clause-Shortened BSD-4-Clause-UC",
  "BSD-4.3RENO BSD-4.3TAHOE BSD-Advertising-Acknowledgement BSD-Attribution-HPND-disclaimer BSD-Inferno-Nettverk",
  "BSD-Mark-Modifications BSD-Protection BSD-Source-Code BSD-Source-beginning-file BSD-Systemics",
  "BSD-Systemics-W3Works BSL-1.0 BUSL-1.1 Baekmuk Bahyph Barr Beerware BitTorrent-1.0 BitTorrent-1.1",
  "Bitstream-Charter Bitstream-Vera BlueOak-1.0.0 Boehm-GC Boehm-GC-without-fee Borceux Brian-Gladman-2-Clause",
  "Brian-Gladman-3-Clause Buddy C-UDA-1.0 CAL-1.0 CAL-1.0-Combined-Work-Exception CAPEC-tou CATOSL-1.1 CC-BY-1.0",
  "CC-BY-2.0 CC-BY-2.5 CC-BY-2.5-AU CC-BY-3.0 CC-BY-3.0-AT CC-BY-3.0-AU CC-BY-3.0-DE CC-BY-3.0-IGO CC-BY-3.0-NL",
  "CC-BY-3.0-US CC-BY-4.0 CC-BY-NC-1.0 CC-BY-NC-2.0 CC-BY-NC-2.5 CC-BY-NC-3.0 CC-BY-NC-3.0-DE CC-BY-NC-4.0",
  "CC-BY-NC-ND-1.0 CC-BY-NC-ND-2.0 CC-BY-NC-ND-2.5 CC-BY-NC-ND-3.0 CC-BY-NC-ND-3.0-DE CC-BY-NC-ND-3.0-IGO",
  "CC-BY-NC-ND-4.0 CC-BY-NC-SA-1.0 CC-BY-NC-SA-2.0 CC-BY-NC-SA-2.0-DE CC-BY-NC-SA-2.0-FR CC-BY-NC-SA-2.0-UK",
  "CC-BY-NC-SA-2.5 CC-BY-NC-SA-3.0 CC-BY-NC-SA-3.0-DE CC-BY-NC-SA-3.0-IGO CC-BY-NC-SA-4.0 CC-BY-ND-1.0",
  "CC-BY-ND-2.0 CC-BY-ND-2.5 CC-BY-ND-3.0 CC-BY-ND-3.0-DE CC-BY-ND-4.0 CC-BY-SA-1.0 CC-BY-SA-2.0 CC-BY-SA-2.0-UK",
  "CC-BY-SA-2.1-JP CC-BY-SA-2.5 CC-BY-SA-3.0 CC-BY-SA-3.0-AT CC-BY-SA-3.0-DE CC-BY-SA-3.0-IGO CC-BY-SA-4.0",
  "CC-PDDC CC-PDM-1.0 CC-SA-1.0 CC0-1.0 CDDL-1.0 CDDL-1.1 CDL-1.0 CDLA-Permissive-1.0 CDLA-Permissive-2.0",
  "CDLA-Sharing-1.0 CECILL-1.0 CECILL-1.1 CECILL-2.0 CECILL-2.1 CECILL-B CECILL-C CERN-OHL-1.1 CERN-OHL-1.2",
  "CERN-OHL-P-2.0 CERN-OHL-S-2.0 CERN-OHL-W-2.0 CFITSIO CMU-Mach CMU-Mach-nodoc CNRI-Jython CNRI-Python",
  "CNRI-Python-GPL-Compatible COIL-1.0 CPAL-1.0 CPL-1.0 CPOL-1.02 CUA-OPL-1.0 Caldera Caldera-no-preamble",
  "Catharon ClArtistic Clips Community-Spec-1.0 Condor-1.1 Cornell-Lossless-JPEG Cronyx Crossword CryptoSwift",
  "CrystalStacker Cube D-FSL-1.0 DEC-3-Clause DL-DE-BY-2.0 DL-DE-ZERO-2.0 DOC DRL-1.0 DRL-1.1 DSDP DocBook-DTD",
  "DocBook-Schema DocBook-Stylesheet DocBook-XML Dotseqn ECL-1.0 ECL-2.0 EFL-1.0 EFL-2.0 EPICS EPL-1.0 EPL-2.0",
  "ESA-PL-permissive-2.4 ESA-PL-strong-copyleft-2.4 ESA-PL-weak-copyleft-2.4 EUDatagrid EUPL-1.0 EUPL-1.1",
  "EUPL-1.2 Elastic-2.0 Entessa ErlPL-1.1 Eurosym FBM FDK-AAC FSFAP FSFAP-no-warranty-disclaimer FSFUL FSFULLR",
  "FSFULLRSD FSFULLRWD FSL-1.1-ALv2 FSL-1.1-MIT FTL Fair Ferguson-Twofish Frameworx-1.0 FreeBSD-DOC FreeImage",
  "Furuseth GCR-docs GD GFDL-1.1-invariants-only GFDL-1.1-invariants-or-later GFDL-1.1-no-invariants-only",
  "GFDL-1.1-no-invariants-or-later GFDL-1.1-only GFDL-1.1-or-later GFDL-1.2-invariants-only",
  "GFDL-1.2-invariants-or-later GFDL-1.2-no-invariants-only GFDL-1.2-no-invariants-or-later GFDL-1.2-only",
  "GFDL-1.2-or-later GFDL-1.3-invariants-only GFDL-1.3-invariants-or-later GFDL-1.3-no-invariants-only",
  "GFDL-1.3-no-invariants-or-later GFDL-1.3-only GFDL-1.3-or-later GL2PS GLWTPL GPL-1.0-only GPL-1.0-or-later",
  "GPL-2.0-only GPL-2.0-or-later GPL-3.0-only GPL-3.0-or-later Game-Programming-Gems Giftware Glide Glulxe",
  "Graphics-Gems Gutmann HDF5 HIDAPI HP-1986 HP-1989 HPND HPND-DEC HPND-Fenneberg-Livingston HPND-INRIA-IMAG",
  "HPND-Intel HPND-Kevlin-Henney HPND-MIT-disclaimer HPND-Markus-Kuhn HPND-Netrek HPND-Pbmplus HPND-SMC HPND-UC",
  "HPND-UC-export-US HPND-doc HPND-doc-sell HPND-export-US HPND-export-US-acknowledgement HPND-export-US-modify",
  "HPND-export2-US HPND-merchantability-variant HPND-sell-MIT-disclaimer-xserver HPND-sell-regexpr",
  "HPND-sell-variant HPND-sell-variant-MIT-disclaimer HPND-sell-variant-MIT-disclaimer-rev",
  "HPND-sell-variant-critical-systems HTMLTIDY HaskellReport Hippocratic-2.1 IBM-pibs ICU",
  "IEC-Code-Components-EULA IJG IJG-short IPA IPL-1.0 ISC ISC-Veillard ISO-permission ImageMagick Imlib2 Info-ZIP",
  "Inner-Net-2.0 InnoSetup Intel Intel-ACPI Interbase-1.0 JPL-image JPNIC JSON Jam JasPer-2.0 Kastrup Kazlib",
  "Knuth-CTAN LAL-1.2 LAL-1.3 LGPL-2.0-only LGPL-2.0-or-later LGPL-2.1-only LGPL-2.1-or-later LGPL-3.0-only",
  "LGPL-3.0-or-later LGPLLR LOOP LPD-document LPL-1.0 LPL-1.02 LPPL-1.0 LPPL-1.1 LPPL-1.2 LPPL-1.3a LPPL-1.3c",
  "LZMA-SDK-9.11-to-9.20 LZMA-SDK-9.22 Latex2e Latex2e-translated-notice Leptonica LiLiQ-P-1.1 LiLiQ-R-1.1",
  "LiLiQ-Rplus-1.1 Libpng Linux-OpenIB Linux-man-pages-1-para Linux-man-pages-copyleft",
  "Linux-man-pages-copyleft-2-para Linux-man-pages-copyleft-var Lucida-Bitmap-Fonts MIPS MIT MIT-0 MIT-CMU",
  "MIT-Click MIT-Festival MIT-Khronos-old MIT-Modern-Variant MIT-STK MIT-Wu MIT-advertising MIT-enna MIT-feh",
  "MIT-open-group MIT-testregex MITNFA MMIXware MMPL-1.0.1 MPEG-SSG MPL-1.0 MPL-1.1 MPL-2.0",
  "MPL-2.0-no-copyleft-exception MS-LPL MS-PL MS-RL MTLL Mackerras-3-Clause Mackerras-3-Clause-acknowledgment",
  "MakeIndex Martin-Birgmeier McPhee-slideshow Minpack MirOS Motosoto MulanPSL-1.0 MulanPSL-2.0 Multics Mup",
  "NAIST-2003 NASA-1.3 NBPL-1.0 NCBI-PD NCGL-UK-2.0 NCL NCSA NGPL NICTA-1.0 NIST-PD NIST-PD-TNT NIST-PD-fallback",
  "NIST-Software NLOD-1.0 NLOD-2.0 NLPL NOSL NPL-1.0 NPL-1.1 NPOSL-3.0 NRL NTIA-PD NTP NTP-0 Naumen NetCDF",
  "Newsletr Nokia Noweb O-UDA-1.0 OAR OCCT-PL OCLC-2.0 ODC-By-1.0 ODbL-1.0 OFFIS OFL-1.0 OFL-1.0-RFN",
  "OFL-1.0-no-RFN OFL-1.1 OFL-1.1-RFN OFL-1.1-no-RFN OGC-1.0 OGDL-Taiwan-1.0 OGL-Canada-2.0 OGL-UK-1.0 OGL-UK-2.0",
  "OGL-UK-3.0 OGTSL OLDAP-1.1 OLDAP-1.2 OLDAP-1.3 OLDAP-1.4 OLDAP-2.0 OLDAP-2.0.1 OLDAP-2.1 OLDAP-2.2 OLDAP-2.2.1",
  "OLDAP-2.2.2 OLDAP-2.3 OLDAP-2.4 OLDAP-2.5 OLDAP-2.6 OLDAP-2.7 OLDAP-2.8 OLFL-1.3 OML OPL-1.0 OPL-UK-3.0",
  "OPUBL-1.0 OSC-1.0 OSET-PL-2.1 OSL-1.0 OSL-1.1 OSL-2.0 OSL-2.1 OSL-3.0 OSSP OpenMDW-1.0 OpenPBS-2.3 OpenSSL",
  "OpenSSL-standalone OpenVision PADL PDDL-1.0 PHP-3.0 PHP-3.01 PPL PSF-2.0 ParaType-Free-Font-1.3 Parity-6.0.0",
  "Parity-7.0.0 Pixar Plexus PolyForm-Noncommercial-1.0.0 PolyForm-Small-Business-1.0.0 PostgreSQL Python-2.0",
  "Python-2.0.1 QPL-1.0 QPL-1.0-INRIA-2004 Qhull RHeCos-1.1 RPL-1.1 RPL-1.5 RPSL-1.0 RSA-MD RSCPL Rdisc Ruby",
  "Ruby-pty SAX-PD SAX-PD-2.0 SCEA SGI-B-1.0 SGI-B-1.1 SGI-B-2.0 SGI-OpenGL SGMLUG-PM SGP4 SHL-0.5 SHL-0.51 SISSL",
  "SISSL-1.2 SL SMAIL-GPL SMLNJ SMPPL SNIA SOFA SPL-1.0 SSH-OpenSSH SSH-short SSLeay-standalone SSPL-1.0 SUL-1.0",
  "SWL Saxpath SchemeReport Sendmail Sendmail-8.23 Sendmail-Open-Source-1.1 SimPL-2.0 Sleepycat Soundex",
  "Spencer-86 Spencer-94 Spencer-99 SugarCRM-1.1.3 Sun-PPP Sun-PPP-2000 SunPro Symlinks TAPR-OHL-1.0 TCL",
  "TCP-wrappers TGPPL-1.0 TMate TORQUE-1.1 TOSL TPDL TPL-1.0 TTWL TTYP0 TU-Berlin-1.0 TU-Berlin-2.0 TekHVC",
  "TermReadKey ThirdEye TrustedQSL UCAR UCL-1.0 UMich-Merit UPL-1.0 URT-RLE Ubuntu-font-1.0 UnRAR Unicode-3.0",
  "Unicode-DFS-2015 Unicode-DFS-2016 Unicode-TOU UnixCrypt Unlicense Unlicense-libtelnet Unlicense-libwhirlpool",
  "VOSTROM VSL-1.0 Vim Vixie-Cron W3C W3C-19980720 W3C-20150513 WTFNMFPL WTFPL Watcom-1.0 Widget-Workshop WordNet",
  "Wsuipa X11 X11-distribute-modifications-variant X11-no-permit-persons X11-swapped XFree86-1.1 XSkat",
  "Xdebug-1.03 Xerox Xfig Xnet YPL-1.0 YPL-1.1 ZPL-1.1 ZPL-2.0 ZPL-2.1 Zed Zeeff Zend-2.0 Zimbra-1.3 Zimbra-1.4",
  "Zlib any-OSI any-OSI-perl-modules bcrypt-Solar-Designer blessing bzip2-1.0.6 check-cvs checkmk",
  "copyleft-next-0.3.0 copyleft-next-0.3.1 curl cve-tou diffmark dtoa dvipdfm eGenix etalab-2.0 fwlw gSOAP-1.3b",
  "generic-xts gnuplot gtkbook hdparm hyphen-bulgarian iMatix jove libpng-1.6.35 libpng-2.0 libselinux-1.0",
  "libtiff libutil-David-Nugent lsof magaz mailprio man2html metamail mpi-permissive mpich2 mplus ngrep pkgconf",
  "pnmstitch psfrag psutils python-ldap radvd snprintf softSurfer ssh-keyscan swrule threeparttable ulem w3m wwl",
  "xinetd xkeyboard-config-Zinoviev xlock xpp xzoom zlib-acknowledgement AGPL-1.0 AGPL-3.0 BSD-2-Clause-FreeBSD",
  "BSD-2-Clause-NetBSD GFDL-1.1 GFDL-1.2 GFDL-1.3 GPL-1.0 GPL-2.0 GPL-2.0-with-GCC-exception",
  "GPL-2.0-with-autoconf-exception GPL-2.0-with-bison-exception GPL-2.0-with-classpath-exception",
  "GPL-2.0-with-font-exception GPL-3.0 GPL-3.0-with-GCC-exception GPL-3.0-with-autoconf-exception LGPL-2.0",
  "LGPL-2.1 LGPL-3.0 Net-SNMP Nunit StandardML-NJ bzip2-1.0.5 eCos-2.0 wxWindows",
].join(" ");

const EXCEPTION_IDS = [
  "389-exception Asterisk-exception Autoconf-exception-2.0 Autoconf-exception-3.0 Autoconf-exception-generic",
  "Autoconf-exception-generic-3.0 Autoconf-exception-macro Bison-exception-1.24 Bison-exception-2.2",
  "Bootloader-exception Classpath-exception-2.0 CLISP-exception-2.0 cryptsetup-OpenSSL-exception",
  "DigiRule-FOSS-exception eCos-exception-2.0 Fawkes-Runtime-exception FLTK-exception fmt-exception",
  "Font-exception-2.0 freertos-exception-2.0 GCC-exception-2.0 GCC-exception-2.0-note GCC-exception-3.1",
  "Gmsh-exception GNAT-exception GNOME-examples-exception GNU-compiler-exception gnu-javamail-exception",
  "GPL-3.0-interface-exception GPL-3.0-linking-exception GPL-3.0-linking-source-exception GPL-CC-1.0",
  "GStreamer-exception-2005 GStreamer-exception-2008 i2p-gpl-java-exception KiCad-libraries-exception",
  "LGPL-3.0-linking-exception libpri-OpenH323-exception Libtool-exception Linux-syscall-note LLGPL LLVM-exception",
  "LZMA-exception mif-exception OCaml-LGPL-linking-exception OCCT-exception-1.0 OpenJDK-assembly-exception-1.0",
  "openvpn-openssl-exception PS-or-PDF-font-exception-20170817 QPL-1.0-INRIA-2004-exception Qt-GPL-exception-1.0",
  "Qt-LGPL-exception-1.1 Qwt-exception-1.0 SANE-exception SHL-2.0 SHL-2.1 stunnel-exception SWI-exception",
  "Swift-exception Texinfo-exception u-boot-exception-2.0 UBDL-exception Universal-FOSS-exception-1.0",
  "vsftpd-openssl-exception WxWindows-exception-3.1 x11vnc-openssl-exception",
].join(" ");

let licenses: Map<string, string> | undefined;
let exceptions: Set<string> | undefined;

function spdxTables(): { licenses: Map<string, string>; exceptions: Set<string> } {
  licenses ??= new Map(LICENSE_IDS.split(' ').map((id) => [id.toLowerCase(), id]));
  exceptions ??= new Set(EXCEPTION_IDS.split(' ').map((id) => id.toLowerCase()));
  return { licenses, exceptions };
}

/** Is this an SPDX license identifier of the license list (compared without case, as SPDX matches them)? */
export function isSpdxLicenseId(id: string): boolean {
  return spdxTables().licenses.has(id.toLowerCase());
}

const LICENSE_REF = /^(?:DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+$/;

/**
 * An SPDX license expression: license identifiers of the list (`MIT`, `Apache-2.0`, `GPL-2.0-or-later`, `GPL-2.0+`),
 * `LicenseRef-...`, combined with `AND`, `OR`, `WITH <exception>` and parentheses (`MIT OR Apache-2.0`). Operators are
 * all upper or all lower case.
 */
export function isSpdxExpression(value: string): boolean {
  const tokens = value.match(/[()]|[^\s()]+/g) ?? [];
  if (tokens.length === 0 || tokens.length > 512) return false;
  const { licenses: ids, exceptions: exc } = spdxTables();
  let pos = 0;
  const peek = () => tokens[pos];
  const isOp = (t: string | undefined, op: string) => t === op || t === op.toLowerCase();
  const simple = (): boolean => {
    const t = tokens[pos];
    if (t === undefined) return false;
    if (LICENSE_REF.test(t)) {
      pos++;
      return true;
    }
    const id = t.endsWith('+') ? t.slice(0, -1) : t;
    if (!ids.has(id.toLowerCase())) return false;
    pos++;
    return true;
  };
  const factor = (depth: number): boolean => {
    if (depth > 64) return false;
    if (peek() === '(') {
      pos++;
      if (!expression(depth + 1) || peek() !== ')') return false;
      pos++;
      return true;
    }
    if (!simple()) return false;
    if (isOp(peek(), 'WITH')) {
      pos++;
      const e = tokens[pos];
      if (e === undefined || !(exc.has(e.toLowerCase()) || /^(?:DocumentRef-[A-Za-z0-9.-]+:)?AdditionRef-[A-Za-z0-9.-]+$/.test(e))) return false;
      pos++;
    }
    return true;
  };
  const term = (depth: number): boolean => {
    if (!factor(depth)) return false;
    while (isOp(peek(), 'AND')) {
      pos++;
      if (!factor(depth)) return false;
    }
    return true;
  };
  const expression = (depth: number): boolean => {
    if (!term(depth)) return false;
    while (isOp(peek(), 'OR')) {
      pos++;
      if (!term(depth)) return false;
    }
    return true;
  };
  return expression(0) && pos === tokens.length;
}

/** Does a label value have the format of its schema type? (`text` accepts anything.) */
export function hasLabelFormat(type: LabelType, value: string): boolean {
  switch (type) {
    case 'url':
      return isUrl(value);
    case 'rfc3339':
      return isRfc3339(value);
    case 'semver':
      return isSemver(value);
    case 'hash':
      return isGitHash(value);
    case 'spdx':
      return isSpdxExpression(value);
    case 'email':
      return isEmail(value);
    default:
      return true;
  }
}
