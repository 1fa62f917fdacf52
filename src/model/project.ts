import { collectReads, exists, noteRead } from '../util/reads.js';
import type { LineIndex } from './location.js';
import path from 'node:path';
import type { DiscoveredFile } from '../discover/discover.js';
import type { ComposeFile, ParseProblem } from '../parse/compose.js';
import { parseDockerfile, type DockerfileModel, type Stage } from '../parse/dockerfile.js';
import { BuildContext } from './build-context.js';
import type { ComposeService } from './service.js';
import { targetStage } from './stage.js';
import { valueOf } from '../parse/value.js';
import { mergeServices, resolveExtends, type ExtendsProblem, type Stack } from './stack.js';
import { checkGivenText, DEFAULT_LIMITS, readSourceText, type Limits } from './source-text.js';

/** A compose service (merged across its stack's files) linked to what it builds. */
export interface LinkedService extends ComposeService {
  stack: Stack;
  dockerfile?: DockerfileModel;
  /** The stage the service runs: `build.target`, else the last stage; undefined for image-only services. */
  stage?: Stage;
  context?: BuildContext;
}

/** A Dockerfile that no service in the run builds: judged at its last stage, its directory as build context. */
export interface StandaloneDockerfile {
  /** The file. Usually `dockerfile.path`; with `shareIdentical`, a file with the same text as `dockerfile.path`. */
  path: string;
  dockerfile: DockerfileModel;
  stage?: Stage;
  context: BuildContext;
}

/** Everything one run sees: compose files with their services linked to Dockerfile stages and build contexts. */
export class Project {
  readonly stacks: Stack[] = [];
  /** Every compose document parsed, in stack order (a file with several `---` documents gives several). */
  readonly composeFiles: ComposeFile[] = [];
  readonly services: LinkedService[] = [];
  readonly standalone: StandaloneDockerfile[] = [];
  /** Every Dockerfile parsed in the run, by absolute path (also those reached only through a service's build;
   * a `dockerfile_inline` by `<compose path>#<service>`). */
  readonly dockerfiles = new Map<string, DockerfileModel>();
  readonly problems: ParseProblem[] = [];
  /** `extends` that point at nothing or go round in a cycle (reported by rule compose-references). */
  readonly extendsProblems: ExtendsProblem[] = [];
  private readonly contexts = new Map<string, BuildContext>();
  /**
   * Files a compose file of the run pulls in (`include` targets, `extends.file` sources), with the stacks that pull
   * them: such a file is never a project's base file. Set by loadProject, shared by every unit of the run. Plain
   * data, so that it can be sent to the worker threads that check other stacks.
   */
  pulledIn = new Map<string, Puller[]>();
  /** File size and alias limits of the run (set by loadProject). */
  limits: Limits = DEFAULT_LIMITS;
  /** Texts that stand in for files on disk (an editor's buffer from stdin), by absolute path. */
  readonly overlay = new Map<string, string>();

  constructor(readonly cwd: string) {}

  /** Build contexts each Dockerfile is sent with, for COPY/ADD checks. */
  contextsOf(df: DockerfileModel): BuildContext[] {
    const fromServices = this.services.filter((s) => s.dockerfile === df && s.context).map((s) => s.context!);
    const own = this.standalone.filter((s) => s.dockerfile === df).map((s) => s.context);
    return [...new Set([...fromServices, ...own])];
  }

  private linesByFile?: Map<string, LineIndex>;

  /** The lines of a file parsed in this run (for snippets), without reading or splitting it again. Built after loading. */
  sourceLines(file: string): LineIndex | undefined {
    if (!this.linesByFile) {
      this.linesByFile = new Map();
      for (const df of this.dockerfiles.values()) this.linesByFile.set(df.path, df.lines);
      for (const s of this.standalone) if (!this.linesByFile.has(s.path)) this.linesByFile.set(s.path, s.dockerfile.lines); // a shared parse's own file
      for (const c of this.composeFiles) this.linesByFile.set(c.path, c.yaml.lines); // dockerfile_inline: the compose text
    }
    return this.linesByFile.get(file);
  }

  context(dir: string, dockerfile?: string): BuildContext {
    const key = `${dir}\0${dockerfile ?? ''}`;
    let ctx = this.contexts.get(key);
    if (!ctx) this.contexts.set(key, (ctx = new BuildContext(dir, dockerfile)));
    return ctx;
  }
}

/** A stack given explicitly: `-f` files on the command line, or one declared under `stacks:` in the config. */
export interface StackSpec {
  /** Named in reports; default: its files joined with ` + `. */
  name?: string;
  /** Compose files in order, absolute or relative to the run's directory. */
  files: string[];
  envFiles?: string[];
  profiles?: string[];
}

export interface LoadOptions {
  /** Explicit stacks. Discovered compose files they do not include are still grouped and checked on their own. */
  stacks?: StackSpec[];
  /** `--env-file` files in order (later ones win) for stacks that name none; default: the project directory's `.env`. */
  envFiles?: string[];
  /** `--profile`: only services Compose would start with these profiles; default: every service. */
  profiles?: string[];
  /** `--use-env`: the process environment, which wins over env files. Not read otherwise, so results are reproducible. */
  processEnv?: NodeJS.ProcessEnv;
  /** Texts read instead of these files (absolute paths): stdin. */
  overlay?: ReadonlyMap<string, string>;
  /** File size and YAML alias limits (config `limits:`); unset ones take DEFAULT_LIMITS. */
  limits?: Partial<Limits>;
  /**
   * Dockerfiles with the same text share one parse, and so all that the model works out from it (a monorepo holds
   * many copies of a Dockerfile): the shared model's references name the first file, and the engine moves each
   * unit's findings to its own file (engine/units.ts). Only for Dockerfiles that no stack builds.
   */
  shareIdentical?: boolean;
}

const BASE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

/** Groups compose files into stacks as Compose does without `-f`: a base file with its `.override` file beside it. */
function groupStacks(files: string[]): string[][] {
  const set = new Set(files);
  const paired = new Set<string>();
  const stacks: string[][] = [];
  for (const file of files) {
    const name = path.basename(file);
    if (!BASE_NAMES.includes(name)) continue;
    const stem = name.replace(/\.ya?ml$/, '');
    // The file's own directory prefix (paths here are absolute and normalised): no path.join for each of thousands.
    const dir = file.slice(0, file.length - name.length);
    const override = ['yaml', 'yml'].map((ext) => `${dir}${stem}.override.${ext}`).find((f) => set.has(f));
    // Compose reads only one base file per directory: compose.yaml before docker-compose.yml.
    if (override && !paired.has(override)) {
      stacks.push([file, override]);
      paired.add(file).add(override);
    }
  }
  for (const file of files) if (!paired.has(file)) stacks.push([file]);
  return stacks.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

/** The stacks a run checks: the explicit ones (paths made absolute), then the other compose files grouped. */
export function planStacks(files: DiscoveredFile[], cwd: string, explicit: StackSpec[] = []): StackSpec[] {
  const specs: StackSpec[] = explicit.map((s) => ({ ...s, files: s.files.map((f) => path.resolve(cwd, f)) }));
  const covered = new Set(specs.flatMap((s) => s.files));
  const loose = files.filter((f) => f.kind === 'compose' && !covered.has(f.path)).map((f) => f.path);
  return [...specs, ...groupStacks(loose).map((group) => ({ files: group }))];
}

/** Identifies a planned stack across runs (--cache): its name and files. */
export const stackKey = (spec: StackSpec) => `stack:${spec.name ?? ''}:${spec.files.join(':')}`;

export async function loadProject(files: DiscoveredFile[], cwd: string, options: LoadOptions = {}): Promise<Project> {
  const project = new Project(cwd);
  for (const [file, text] of options.overlay ?? []) project.overlay.set(file, text);
  project.limits = { ...DEFAULT_LIMITS, ...options.limits };
  const groups = planStacks(files, cwd, options.stacks);
  const composePaths = groups.flatMap((g) => g.files);
  // The YAML side is loaded only when there is a compose file: a Dockerfile-only run (a pre-commit hook on one
  // Dockerfile) starts faster without it.
  const composeSide = composePaths.length ? await Promise.all([import('../parse/compose.js'), import('./service.js'), import('../parse/interpolate.js')]) : undefined;
  const discoveredDockerfiles: { path: string; df: DockerfileModel }[] = [];
  // Parses by the length of their text, then compared: a Map keyed by the text would hash every file's whole text.
  const byLength = options.shareIdentical && groups.length === 0 ? new Map<number, DockerfileModel[]>() : undefined;
  for (const file of files) {
    if (file.kind !== 'dockerfile') continue;
    const text = readText(file.path, project, false, 'dockerfile');
    if (text === undefined) continue;
    const sameLength = byLength?.get(text.length);
    const same = sameLength?.find((df) => df.text === text);
    if (same && !project.dockerfiles.has(file.path)) {
      project.dockerfiles.set(file.path, same);
      project.problems.push(...same.problems.map((p) => ({ ...p, at: { range: p.at.range, file: file.path } })));
      discoveredDockerfiles.push({ path: file.path, df: same });
      continue;
    }
    const df = dockerfileAt(project, file.path, text)!;
    if (sameLength) sameLength[same ? sameLength.indexOf(same) : sameLength.length] = df;
    else byLength?.set(text.length, [df]);
    discoveredDockerfiles.push({ path: file.path, df });
  }
  const built = new Set<DockerfileModel>();
  for (const spec of groups) {
    // What loading the stack read: with what its rules read, the files its cached result depends on (--cache).
    const { reads } = collectReads(() => {
      const [{ parseCompose }, { servicesOf }, { parseEnvFile }] = composeSide!;
      const group = spec.files;
      const dir = path.dirname(group[0]!);
      const env = new Map<string, string>();
      const explicitEnv = spec.envFiles ?? options.envFiles;
      const envFiles: string[] = [];
      for (const file of explicitEnv?.map((f) => path.resolve(cwd, f)) ?? [path.join(dir, '.env')]) {
        const text = readText(file, project, !explicitEnv);
        if (text === undefined) continue;
        envFiles.push(file);
        for (const [k, v] of parseEnvFile(text)) env.set(k, v);
      }
      for (const [k, v] of Object.entries(options.processEnv ?? {})) if (v !== undefined) env.set(k, v);
      const name = spec.name ?? group.map((f) => path.relative(cwd, f).split(path.sep).join('/')).join(' + ');
      const stack: Stack = { name, files: [], dir, env, envFiles, profiles: spec.profiles ?? options.profiles, labelled: spec.name !== undefined || group.length > 1 };
      const parsed = (file: string, fileEnv: typeof env, fileDir: string): ComposeFile[] => {
        const text = readText(file, project, false, 'compose');
        if (text === undefined) return [];
        const { documents, problem } = parseCompose(file, text, fileEnv, project.limits);
        if (problem) project.problems.push(problem);
        for (const doc of documents) doc.dir = fileDir;
        return documents;
      };
      const main = group.flatMap((file) => parsed(file, env, dir));
      // Top-level `include`: each included file is its own sub-project (its directory, its .env or env_file),
      // loaded before the files that include it.
      const seen = new Set(group);
      const includes = (doc: ComposeFile): ComposeFile[] =>
        doc.yaml.items(doc.yaml.get(doc.root, 'include')?.value).flatMap((item) => {
          const y = doc.yaml;
          const pathNode = y.scalar(item) !== undefined ? item : y.get(item, 'path')?.value;
          const targets = (y.isSeq(pathNode) ? y.items(pathNode) : [pathNode]).map((n) => valueOf(doc, n)).filter((v) => v?.value);
          return targets.flatMap((target) => {
            const abs = path.resolve(doc.dir, target!.value!);
            if (seen.has(abs)) return [];
            seen.add(abs);
            if (!exists(abs)) {
              project.extendsProblems.push({ kind: 'include', service: '', target: target!.value!, at: target!.at });
              return [];
            }
            const projectDir = valueOf(doc, y.get(item, 'project_directory')?.value)?.value;
            const subDir = projectDir ? path.resolve(doc.dir, projectDir) : path.dirname(abs);
            const envNode = y.get(item, 'env_file')?.value;
            const envPaths = (y.isSeq(envNode) ? y.items(envNode) : envNode ? [envNode] : []).map((n) => valueOf(doc, n)?.value).filter((v): v is string => !!v);
            const subEnv = new Map(env);
            for (const f of envPaths.length ? envPaths.map((p) => path.resolve(doc.dir, p)) : [path.join(subDir, '.env')]) {
              const text = readText(f, project, true);
              if (text !== undefined) for (const [k, v] of parseEnvFile(text)) if (!options.processEnv?.[k]) subEnv.set(k, v);
            }
            const docs = parsed(abs, subEnv, subDir);
            return [...docs.flatMap(includes), ...docs];
          });
        });
      stack.files.push(...main.flatMap(includes), ...main);
      project.stacks.push(stack);
      project.composeFiles.push(...stack.files);
      // `extends` of another file: parsed with the stack's variables, its relative paths against its own directory.
      const others = new Map<string, ComposeService[] | undefined>();
      const load = (file: string, from: ComposeService): ComposeService[] | undefined => {
        const abs = path.resolve(path.dirname(from.compose.path), file);
        if (!others.has(abs)) {
          others.set(abs, []); // a file that extends back into one being loaded finds nothing there instead of looping
          const text = readText(abs, project, true, 'compose');
          const docs = text === undefined ? [] : parseCompose(abs, text, env, project.limits).documents;
          others.set(abs, text === undefined ? undefined : mergeServices(docs.map((d) => resolveExtends(servicesOf(d), load, project.extendsProblems))));
        }
        return others.get(abs);
      };
      const perDocument = stack.files.map((doc) => resolveExtends(servicesOf(doc), load, project.extendsProblems));
      for (const service of mergeServices(perDocument)) {
        if (stack.profiles && service.profiles.length > 0 && !service.profiles.some((p) => stack.profiles!.includes(p))) continue;
        const linked: LinkedService = { ...service, stack };
        const build = service.build;
        if (build?.context) linked.context = project.context(build.context, build.dockerfile);
        const df = build?.inline?.value !== undefined ? inlineDockerfile(project, service) : build?.dockerfile ? dockerfileAt(project, build.dockerfile) : undefined;
        if (df) {
          built.add(df);
          linked.dockerfile = df;
          // An unresolved target (`${TARGET}`) leaves the stage unknown rather than guessing the last one.
          if (!build?.target || build.target.value !== undefined) linked.stage = targetStage(df, build?.target?.value);
        }
        project.services.push(linked);
      }
    });
    project.stacks.at(-1)!.reads = reads;
    project.stacks.at(-1)!.key = stackKey(spec);
  }
  project.pulledIn = pulledIn(project.stacks);
  for (const { path: file, df } of discoveredDockerfiles) {
    if (built.has(df)) continue;
    project.standalone.push({ path: file, dockerfile: df, stage: df.stages[df.stages.length - 1], context: project.context(path.dirname(file), file) });
  }
  return project;
}

/**
 * A file's text, or undefined with a problem (at 1:1) saying why it is not checked: unreadable, not a regular file,
 * over the size limit, binary, or (a compose file) not valid UTF-8, which Compose's YAML parser rejects. `optional`:
 * a missing file is no problem (the default `.env`, an `extends` source that compose-references reports).
 */
function readText(file: string, project: Project, optional = false, kind?: 'dockerfile' | 'compose'): string | undefined {
  noteRead(file);
  const given = project.overlay.get(file);
  const source = given !== undefined ? checkGivenText(given, project.limits) : readSourceText(file, project.limits);
  const at = { file, range: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } } };
  if ('error' in source) {
    if (!(optional && source.missing)) project.problems.push({ message: source.error, at });
    return undefined;
  }
  if (source.invalidUtf8 && kind === 'compose') {
    const { line, column } = source.invalidUtf8;
    project.problems.push({ message: 'invalid UTF-8: a compose file must be UTF-8 text', at: { file, range: { start: { line, column }, end: { line, column: column + 1 } } } });
    return undefined;
  }
  return source.text;
}

/** Parses each Dockerfile once, however many services build it. */
function dockerfileAt(project: Project, file: string, text?: string): DockerfileModel | undefined {
  const cached = project.dockerfiles.get(file);
  if (cached) {
    noteRead(file); // each stack that builds it depends on it (--cache)
    return cached;
  }
  // A build whose Dockerfile is missing: Compose reports that, we cannot judge it.
  const source = text ?? readText(file, project, true, 'dockerfile');
  if (source === undefined) return undefined;
  const df = parseDockerfile(file, source);
  project.problems.push(...df.problems);
  project.dockerfiles.set(file, df);
  return df;
}

/** `dockerfile_inline`: findings point into the compose file, at the inline text. */
function inlineDockerfile(project: Project, service: ComposeService): DockerfileModel {
  const inline = service.build!.inline!;
  const df = parseDockerfile(service.compose.path, inline.value!);
  const origin = inline.at.range.start;
  // Block scalars (`|`) start on the line after the key; map lines onto the compose file.
  const textLines = service.compose.yaml.lines.text.split('\n');
  const blockOffset = /^[|>]/.test(textLines[origin.line - 1]?.slice(origin.column - 1) ?? '') ? 1 : 0;
  const quoted = /^["']/.test(textLines[origin.line - 1]?.slice(origin.column - 1) ?? '') ? 1 : 0;
  const indent = blockOffset ? (textLines[origin.line]?.match(/^\s*/)?.[0].length ?? 0) : origin.column - 1 + quoted;
  df.ref = (range) => {
    const line = (range?.start.line ?? 0) + origin.line + blockOffset;
    const column = (range?.start.character ?? 0) + 1 + indent;
    return { file: service.compose.path, range: { start: { line, column }, end: { line, column: column + 1 } } };
  };
  project.problems.push(...df.problems.map((p) => ({ ...p, at: df.ref(null) })));
  project.dockerfiles.set(`${service.compose.path}#${service.name}`, df);
  return df;
}

/** Each Dockerfile of the project once (an inline Dockerfile is also held under its service's key). */
export function dockerfilesOf(project: Project): DockerfileModel[] {
  // Every Dockerfile rule asks, in every unit: kept until a Dockerfile is added (the map never loses one).
  const cached = distinctDockerfiles.get(project);
  if (cached && cached.size === project.dockerfiles.size) return cached.list;
  const list = [...new Set(project.dockerfiles.values())];
  distinctDockerfiles.set(project, { size: project.dockerfiles.size, list });
  return list;
}

const distinctDockerfiles = new WeakMap<Project, { size: number; list: DockerfileModel[] }>();

const BASE_NAME = /^(?:docker-)?compose\.ya?ml$/;

/**
 * An override file checked on its own (`compose.prod.yaml`, or any file whose services all lack image and build)
 * is a fragment meant for `-f base -f override`: its references are judged only in a stack that merges it.
 */
export function isFragment(stack: Stack, services: LinkedService[]): boolean {
  const names = new Set(stack.files.map((f) => f.path));
  // A stack declared by name (config `stacks:`, `-p`) is a whole configuration, whatever its file is called.
  if (names.size !== 1 || stack.labelled) return false;
  if (!BASE_NAME.test(path.basename(stack.files[0]!.path))) return true;
  return services.length > 0 && services.every((s) => !isRunnable(s));
}

/** A service Compose can start: it has an image, a build or a provider (an override's partial service has none). */
export function isRunnable(s: LinkedService): boolean {
  return !!(s.image || s.build || s.compose.yaml.get(s.node, 'provider'));
}


/** A stack that pulls compose files in: its key and its files. */
export interface Puller {
  key: string;
  files: string[];
}

function pulledIn(stacks: Stack[]): Map<string, Puller[]> {
  const out = new Map<string, Puller[]>();
  const add = (file: string, stack: Stack) => {
    const list = out.get(file) ?? [];
    if (!list.some((p) => p.key === stack.key)) list.push({ key: stack.key!, files: stack.files.map((f) => f.path) });
    out.set(file, list);
  };
  for (const stack of stacks) {
    for (const compose of stack.files) {
      const y = compose.yaml;
      for (const item of y.items(y.get(compose.root, 'include')?.value)) {
        const pathNode = y.scalar(item) !== undefined ? item : y.get(item, 'path')?.value;
        for (const node of y.isSeq(pathNode) ? y.items(pathNode) : [pathNode]) {
          const target = valueOf(compose, node)?.value;
          if (target) add(path.resolve(compose.dir, target), stack);
        }
      }
      for (const { value } of y.entries(y.get(compose.root, 'services')?.value)) {
        const file = valueOf(compose, y.get(y.get(value, 'extends')?.value, 'file')?.value)?.value;
        if (file) add(path.resolve(path.dirname(compose.path), file), stack);
      }
    }
  }
  return out;
}
