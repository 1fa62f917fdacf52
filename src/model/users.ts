// Who a stage runs as, in numbers: the users and groups that the RUN commands of a stage and the stages it builds on
// create (useradd, adduser in its Debian and BusyBox forms, groupadd, addgroup, usermod, groupmod, passwd lines
// echoed into /etc/passwd, /etc/passwd copied from another stage), the accounts official base images are known to
// ship, and a USER or compose `user:` value resolved to a UID and GID through them.
import type { Instruction } from 'dockerfile-ast';
import type { SourceRef } from './location.js';
import { copyArgs, resolveWord } from './copy.js';
import { isDockerHub, parseImageRef } from './image-ref.js';
import { commandName, refOf, runInstructions, type RunInstruction } from './run.js';
import { lineage, stageLabel } from './stage.js';
import { variablesBefore } from './instructions.js';
import { substitute, type DockerfileModel, type Stage } from '../parse/dockerfile.js';
import type { ShellCommand, ShellWord } from '../parse/shell.js';

/** A UID or GID as far as it can be known: a number and where it comes from, unknown (and why), or dynamic. */
export type Id =
  | { id: number; how: string }
  /** Cannot be established from the Dockerfile: system-assigned, or an account nobody is seen creating. */
  | { unknown: string }
  /** Depends on a variable or a command that cannot be read: judged neither right nor wrong. */
  | { dynamic: true };

/** Build arguments given from outside (compose `build.args`); undefined: given, but the value is unknown. */
export type BuildArgs = ReadonlyMap<string, string | undefined>;

type GroupRef = { gid: Id } | { name: string; via: string };

interface UserEntry {
  name: string;
  uid: Id;
  group: GroupRef;
}

interface GroupEntry {
  name: string;
  gid: Id;
}

// ---------------------------------------------------------------------------------------------------------------------
// Base images

type Family = 'alpine' | 'debian';

interface ImageInfo {
  /** The reference as written in FROM (or compose `image:`). */
  text: string;
  /** Docker Hub repositories without `library/`; others `registry/repository`. Lower case. */
  repo: string;
  tag: string;
  family?: Family;
}

/** Official Docker Hub images whose default variants are Debian or Ubuntu based. */
const DEBIAN_IMAGES = new Set([
  'debian', 'ubuntu', 'buildpack-deps', 'node', 'python', 'php', 'ruby', 'golang', 'perl', 'httpd', 'nginx', 'postgres',
  'redis', 'openjdk', 'eclipse-temurin', 'maven', 'gradle', 'rust', 'haproxy', 'memcached', 'mariadb', 'mongo',
  'rabbitmq', 'wordpress', 'drupal', 'joomla', 'nextcloud', 'tomcat', 'jetty', 'elixir', 'erlang', 'julia', 'r-base',
  'gcc', 'swift', 'dart', 'haskell', 'clojure', 'ghost', 'odoo', 'composer', 'sonarqube', 'neo4j', 'cassandra',
]);
const DEBIAN_TAG = /(^|[-.])(trixie|bookworm|bullseye|buster|stretch|jessie|sid|noble|jammy|focal|bionic|xenial)([-.]|$)/;
const ALPINE_TAG = /(^|[-.])alpine/;

export function imageInfo(text: string | undefined): ImageInfo | undefined {
  if (!text || text.includes('$')) return undefined;
  const ref = parseImageRef(text.toLowerCase());
  const repo = isDockerHub(ref) ? ref.repository.replace(/^library\//, '') : `${ref.registry}/${ref.repository}`;
  const tag = ref.tag ?? '';
  const base = repo.slice(repo.lastIndexOf('/') + 1);
  const family: Family | undefined =
    base === 'alpine' || ALPINE_TAG.test(tag) ? 'alpine' : base === 'debian' || base === 'ubuntu' || DEBIAN_TAG.test(tag) || (isDockerHub(ref) && DEBIAN_IMAGES.has(repo)) ? 'debian' : undefined;
  return { text, repo, tag, family };
}

interface KnownAccount {
  name: string;
  /** Where the account exists, for the docs. */
  images: string;
  /** UID and GID on that image; undefined where the account is not known. */
  on(image: ImageInfo): { uid: number; gid: number } | undefined;
}

const DISTROLESS = /^(gcr\.io\/distroless|cgr\.dev\/chainguard)\//;
const NGINX_IMAGES = new Set(['nginx', 'nginxinc/nginx-unprivileged']);

/** Users of official base images (their primary group has the same name and the GID given). */
export const KNOWN_USERS: readonly KnownAccount[] = [
  { name: 'root', images: 'every image', on: () => ({ uid: 0, gid: 0 }) },
  { name: 'node', images: '`node` (every variant): 1000:1000', on: (i) => (i.repo === 'node' ? { uid: 1000, gid: 1000 } : undefined) },
  { name: 'nginx', images: '`nginx`, `nginxinc/nginx-unprivileged` (Debian and `*-alpine`): 101:101', on: (i) => (NGINX_IMAGES.has(i.repo) ? { uid: 101, gid: 101 } : undefined) },
  { name: 'postgres', images: '`postgres`: 999:999 (Debian), 70:70 (`*-alpine`)', on: (i) => (i.repo === 'postgres' ? (i.family === 'alpine' ? { uid: 70, gid: 70 } : { uid: 999, gid: 999 }) : undefined) },
  { name: 'redis', images: '`redis`: 999:999 (Debian), 999:1000 (`*-alpine`)', on: (i) => (i.repo === 'redis' ? { uid: 999, gid: i.family === 'alpine' ? 1000 : 999 } : undefined) },
  { name: 'www-data', images: 'Debian/Ubuntu-based images: 33:33; Alpine-based images: 82:82', on: (i) => (i.family === 'debian' ? { uid: 33, gid: 33 } : i.family === 'alpine' ? { uid: 82, gid: 82 } : undefined) },
  { name: 'nobody', images: 'every image but `scratch`: 65534:65534', on: (i) => (i.repo === 'scratch' ? undefined : { uid: 65534, gid: 65534 }) },
  { name: 'nonroot', images: '`gcr.io/distroless/*`, `cgr.dev/chainguard/*`: 65532:65532', on: (i) => (DISTROLESS.test(i.repo) ? { uid: 65532, gid: 65532 } : undefined) },
];

/** Groups of base images besides each known user's own group. */
const KNOWN_GROUPS: readonly { name: string; on(image: ImageInfo): number | undefined }[] = [
  { name: 'nogroup', on: (i) => (i.family === 'debian' ? 65534 : i.family === 'alpine' ? 65533 : undefined) },
  { name: 'nobody', on: (i) => (i.family === 'alpine' ? 65534 : undefined) },
  { name: 'users', on: (i) => (i.family ? 100 : undefined) },
];

function knownUser(image: ImageInfo | undefined, name: string): { uid: number; gid: number } | undefined {
  if (name === 'root') return { uid: 0, gid: 0 };
  return image ? KNOWN_USERS.find((u) => u.name === name)?.on(image) : undefined;
}

function knownGroup(image: ImageInfo | undefined, name: string): number | undefined {
  if (name === 'root') return 0;
  if (!image) return undefined;
  return KNOWN_GROUPS.find((g) => g.name === name)?.on(image) ?? KNOWN_USERS.find((u) => u.name === name)?.on(image)?.gid;
}

// ---------------------------------------------------------------------------------------------------------------------
// Accounts

/** The accounts a stage (or an image) has: created in the Dockerfile, else known of its base image. */
export class Accounts {
  readonly users = new Map<string, UserEntry>();
  readonly groups = new Map<string, GroupEntry>();
  /**
   * Set when some RUN cannot be read, or creates an account whose name is unknown, or the accounts come from an image
   * that cannot be seen: a missing account is then no proof.
   */
  private unreadable = false;

  get dynamic(): boolean {
    // A base image that depends on a variable (or a build that cannot be read) may have any account.
    return this.unreadable || !this.image;
  }

  set dynamic(value: boolean) {
    this.unreadable = value;
  }

  constructor(
    readonly image: ImageInfo | undefined,
    /** Where accounts are created, for reasons: `RUN in stage "app" or the stages it builds on`; undefined for an image only. */
    readonly where: string | undefined,
  ) {}

  private imageText(): string {
    const role = this.where ? 'the base image' : 'the image';
    return this.image?.repo === 'scratch' ? `${role} scratch, which has no accounts` : `${role} ${this.image?.text}`;
  }

  private missing(what: string): string {
    return this.where ? `no ${this.where} creates ${what}, and it is not a known ${what.startsWith('group') ? 'group' : 'user'} of ${this.imageText()}` : `${what} is not a known ${what.startsWith('group') ? 'group' : 'user'} of ${this.imageText()}`;
  }

  user(name: string): UserEntry | undefined {
    const own = this.users.get(name);
    if (own) return own;
    const known = knownUser(this.image, name);
    if (!known) return undefined;
    if (name === 'root') return { name, uid: { id: 0, how: 'root' }, group: { gid: { id: 0, how: 'root' } } };
    const how = `the ${name} user of ${this.imageText()}`;
    // By name, so that a `groupmod` of the user's group in the Dockerfile counts.
    return { name, uid: { id: known.uid, how }, group: { name, via: `the primary group of ${how}` } };
  }

  userByUid(uid: number): UserEntry | undefined {
    const own = [...this.users.values()].reverse().find((u) => 'id' in u.uid && u.uid.id === uid);
    if (own) return own;
    if (!this.image) return undefined;
    const known = KNOWN_USERS.find((u) => u.on(this.image!)?.uid === uid);
    return known && this.user(known.name);
  }

  group(name: string): Id {
    const own = this.groups.get(name);
    if (own) return own.gid;
    const known = knownGroup(this.image, name);
    if (known !== undefined) return { id: known, how: name === 'root' ? 'root' : `the ${name} group of ${this.imageText()}` };
    if (this.dynamic) return { dynamic: true };
    return { unknown: this.missing(`group "${name}"`) };
  }

  missingUser(name: string): Id {
    if (this.dynamic) return { dynamic: true };
    return { unknown: this.missing(`"${name}"`) };
  }

  primaryGid(user: UserEntry): Id {
    if ('gid' in user.group) return user.group.gid;
    const gid = this.group(user.group.name);
    return 'id' in gid ? { id: gid.id, how: `group "${user.group.name}", ${user.group.via}` } : gid;
  }
}

/** Accounts of an image pulled as it is (a compose service without a build): only what is known of the image. */
export function imageAccounts(image: string | undefined): Accounts {
  return new Accounts(imageInfo(image), undefined);
}

/** Accounts in effect at the end of `stage`: its base image's known accounts and those created on the way. */
export function accountsOf(df: DockerfileModel, stage: Stage, buildArgs?: BuildArgs): Accounts {
  const chain = lineage(stage);
  const accounts = new Accounts(imageInfo(chain[0]!.image), `RUN in stage ${stageLabel(stage)} or the stages it builds on`);
  const runs = new Map<Instruction, RunInstruction>();
  for (const run of runInstructions(df)) if (!run.onbuild) runs.set(run.instruction, run);
  for (const s of chain) {
    for (const instruction of s.instructions) {
      const run = runs.get(instruction);
      if (run) {
        if (run.unparsed) accounts.dynamic = true;
        const vars = variablesBefore(df, s, instruction, buildArgs);
        for (const command of run.commands) readCommand(df, accounts, command, vars);
        continue;
      }
      if (instruction.getKeyword() === 'COPY') importCopied(df, accounts, instruction, s, buildArgs);
    }
  }
  return accounts;
}

/** `COPY --from=<stage> /etc/passwd /etc/group ...`: that stage's accounts come along. */
function importCopied(df: DockerfileModel, accounts: Accounts, instruction: Instruction, stage: Stage, buildArgs: BuildArgs | undefined): void {
  const copy = copyArgs(df, instruction);
  if (!copy?.from) return;
  const sources = copy.sources.map((w) => w.value.replace(/\/+$/, ''));
  const passwd = sources.some((s) => s === '/etc/passwd' || s === '/etc');
  const group = sources.some((s) => s === '/etc/group' || s === '/etc');
  if (!passwd && !group) return;
  const from = copy.from.toLowerCase();
  // Only an earlier stage can be named, so the recursion ends.
  const source = df.stages.slice(0, stage.index).find((s) => s.name === from || String(s.index) === from);
  if (!source) {
    // An image or a build context: its accounts cannot be seen.
    accounts.dynamic = true;
    return;
  }
  const copied = accountsOf(df, source, buildArgs);
  const via = `, in /etc/passwd copied from stage ${stageLabel(source)}`;
  if (passwd) {
    for (const user of copied.users.values()) accounts.users.set(user.name, { ...user, uid: withHow(user.uid, via), group: 'gid' in user.group ? { gid: withHow(user.group.gid, via) } : user.group });
    // The image's own well-known users come along too: the copied file is that image's /etc/passwd.
    if (copied.image) {
      for (const known of KNOWN_USERS) {
        const ids = known.on(copied.image);
        if (!ids || accounts.users.has(known.name)) continue;
        const how = `the ${known.name} user of ${copied.image.text}${via}`;
        accounts.users.set(known.name, { name: known.name, uid: { id: ids.uid, how }, group: { gid: { id: ids.gid, how } } });
      }
    }
  }
  if (group) for (const g of copied.groups.values()) accounts.groups.set(g.name, { ...g, gid: withHow(g.gid, via) });
  if (copied.dynamic) accounts.dynamic = true;
}

function withHow(id: Id, suffix: string): Id {
  return 'id' in id ? { id: id.id, how: id.how + suffix } : id;
}

// ---------------------------------------------------------------------------------------------------------------------
// Commands

/** Options of a command: names mapped to the canonical key, for those that take a value and those that do not. */
interface OptionSpec {
  values: Record<string, string>;
  flags: Record<string, string>;
}

/** An option's value: text, `true` for a flag, `null` when the value is unknown. */
type OptionValue = string | true | null;

interface Parsed {
  options: Map<string, OptionValue>;
  /** Non-option words; undefined when unknown. */
  positionals: (string | undefined)[];
  /** Some option word is an expansion: what it sets is unknown. */
  dynamic: boolean;
}

/** Reads options the way getopt_long does (grouped short flags, `-u1001`, `--uid=1001`, options after operands, `--`). */
function getopt(words: ShellWord[], spec: OptionSpec, vars: ReadonlyMap<string, string>): Parsed {
  const options = new Map<string, OptionValue>();
  const positionals: (string | undefined)[] = [];
  let dynamic = false;
  let operandsOnly = false;
  const next = (i: number) => (i < words.length ? wordValue(words[i]!, vars) ?? null : null);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const v = wordValue(word, vars);
    if (v === undefined) {
      // `$OPTS` may hold options as well as an operand.
      dynamic = true;
      if (operandsOnly || !word.raw.startsWith('-')) positionals.push(undefined);
      continue;
    }
    if (operandsOnly || v === '-' || !v.startsWith('-')) {
      positionals.push(v);
    } else if (v === '--') {
      operandsOnly = true;
    } else if (v.startsWith('--')) {
      const eq = v.indexOf('=');
      const name = eq < 0 ? v : v.slice(0, eq);
      if (name in spec.values) options.set(spec.values[name]!, eq >= 0 ? v.slice(eq + 1) : next(++i));
      else if (name in spec.flags) options.set(spec.flags[name]!, true);
    } else {
      for (let k = 1; k < v.length; k++) {
        const flag = `-${v[k]}`;
        if (flag in spec.values) {
          const rest = v.slice(k + 1);
          options.set(spec.values[flag]!, rest !== '' ? rest : next(++i));
          break;
        }
        if (flag in spec.flags) options.set(spec.flags[flag]!, true);
      }
    }
  }
  return { options, positionals, dynamic };
}

/** A shell word's value, with `$VAR` / `${VAR}` in double quotes or bare resolved from known ARG/ENV values. */
function wordValue(word: ShellWord, vars: ReadonlyMap<string, string>): string | undefined {
  if (word.value !== undefined) return word.value;
  if (/['`\\]|\$\(/.test(word.raw)) return undefined;
  return resolveWord(word.raw.replace(/"/g, ''), vars);
}

const spec = (values: string, flags: string): OptionSpec => {
  const read = (text: string) => Object.fromEntries(text.split(' ').filter(Boolean).flatMap((group) => {
    const [key, ...names] = group.split('|');
    return names.map((n) => [n, key!]);
  }));
  return { values: read(values), flags: read(flags) };
};

const USERADD = spec(
  'uid|-u|--uid gid|-g|--gid x|-b|--base-dir|-c|--comment|-d|--home-dir|-e|--expiredate|-f|--inactive|-G|--groups|-k|--skel|-K|--key|-p|--password|-R|--root|-P|--prefix|-s|--shell|-Z|--selinux-user|--selinux-range',
  'defaults|-D|--defaults help|-h|--help nogroup|-N|--no-user-group x|-l|--no-log-init|-m|--create-home|-M|--no-create-home|-o|--non-unique|-r|--system|-U|--user-group|-F|--add-subids-for-system|--badname|--btrfs-subvolume-home|--extrausers',
);
// BusyBox adduser (short options, -G the group, -g the GECOS field) and Debian adduser (long options) in one table: the
// options they share mean the same, and each one's own options are unknown to the other.
const ADDUSER = spec(
  'uid|-u|--uid gid|--gid ingroup|-G|--ingroup x|-h|--home|-g|--gecos|--comment|-s|--shell|-k|--skel|--firstuid|--lastuid|--firstgid|--lastgid|--conf|-c|--stdoutmsglevel|--stderrmsglevel|--logmsglevel',
  'system|-S|--system group|--group help|--help|--version x|-D|--disabled-password|--empty-password|--disabled-login|-H|--no-create-home|-q|--quiet|--debug|--verbose|--force-badname|--allow-badname|--allow-bad-names|--allow-all-names|--add_extra_groups|--add-extra-groups|--encrypt-home|--extrausers',
);
const GROUPADD = spec('gid|-g|--gid x|-K|--key|-p|--password|-R|--root|-P|--prefix|-U|--users', 'help|-h|--help x|-f|--force|-o|--non-unique|-r|--system');
const ADDGROUP = spec('gid|-g|--gid x|--firstgid|--lastgid|--conf|-c', 'help|--help x|-S|--system|-q|--quiet|--debug|--verbose|--allow-bad-names|--allow-all-names|--extrausers');
const USERMOD = spec(
  'uid|-u|--uid gid|-g|--gid login|-l|--login x|-c|--comment|-d|--home|-e|--expiredate|-f|--inactive|-G|--groups|-p|--password|-R|--root|-P|--prefix|-s|--shell|-Z|--selinux-user|-v|--add-subuids|-V|--del-subuids|-w|--add-subgids|-W|--del-subgids',
  'help|-h|--help x|-a|--append|-r|--remove|-L|--lock|-U|--unlock|-m|--move-home|-o|--non-unique',
);
const GROUPMOD = spec('gid|-g|--gid rename|-n|--new-name x|-p|--password|-R|--root|-P|--prefix|-U|--users', 'help|-h|--help x|-o|--non-unique|-a|--append');

/** A wrapper in front of the real command: `sudo useradd ...`, `busybox adduser ...`. */
function unwrap(command: ShellCommand): { name: string | undefined; args: ShellWord[] } {
  let name = commandName(command);
  let args = command.args;
  for (let depth = 0; depth < 3 && (name === 'sudo' || name === 'doas' || name === 'busybox'); depth++) {
    let i = 0;
    while (i < args.length && args[i]!.value?.startsWith('-')) i += /^-[ugCDhprRtTU]$/.test(args[i]!.value!) ? 2 : 1;
    const first = args[i]?.value;
    name = first?.slice(first.lastIndexOf('/') + 1);
    args = args.slice(i + 1);
  }
  return { name, args };
}

function parseId(value: OptionValue | undefined, how: string): Id | undefined {
  if (value === undefined || value === true) return undefined;
  if (value === null) return { dynamic: true };
  return /^\d+$/.test(value) ? { id: Number(value), how } : { dynamic: true };
}

function groupRef(value: OptionValue, via: string): GroupRef {
  if (value === true || value === null) return { gid: { dynamic: true } };
  return /^\d+$/.test(value) ? { gid: { id: Number(value), how: via } } : { name: value, via };
}

function readCommand(df: DockerfileModel, accounts: Accounts, command: ShellCommand, vars: ReadonlyMap<string, string>): void {
  const { name, args } = unwrap(command);
  if (!name) return;
  const at = `${name} at line ${refOf(df, command.span).range.start.line}`;
  switch (name) {
    case 'useradd':
      return useradd(accounts, getopt(args, USERADD, vars), at);
    case 'adduser':
      return adduser(accounts, getopt(args, ADDUSER, vars), at);
    case 'groupadd':
    case 'addgroup':
      return addgroup(accounts, getopt(args, name === 'groupadd' ? GROUPADD : ADDGROUP, vars), at);
    case 'usermod':
      return usermod(accounts, getopt(args, USERMOD, vars), at);
    case 'groupmod':
      return groupmod(accounts, getopt(args, GROUPMOD, vars), at);
    case 'echo':
    case 'printf':
      return passwdLines(accounts, args.map((a) => wordValue(a, vars)), at);
    default:
  }
}

/** The account name a command works on; undefined (and the accounts marked dynamic) when it cannot be read. */
function target(accounts: Accounts, parsed: Parsed, index = parsed.positionals.length - 1): string | undefined {
  const name = parsed.positionals[index];
  if (name === undefined) accounts.dynamic = true;
  return name;
}

/** The ID an option sets: the value, dynamic when some option is unknown, else unknown for `why`. */
function optionId(parsed: Parsed, key: string, at: string, why: string): Id {
  return parseId(parsed.options.get(key), at) ?? (parsed.dynamic ? { dynamic: true } : { unknown: why });
}

function useradd(accounts: Accounts, parsed: Parsed, at: string): void {
  const { options } = parsed;
  if (options.has('defaults') || options.has('help') || parsed.positionals.length === 0) return;
  const name = target(accounts, parsed);
  if (name === undefined) return;
  const uid = optionId(parsed, 'uid', at, `${at} creates "${name}" without an explicit UID (-u), so the system picks it`);
  const gid = options.get('gid');
  let group: GroupRef;
  if (gid !== undefined) group = groupRef(gid, `the primary group ${at} gives "${name}"`);
  else if (options.has('nogroup')) group = { gid: { unknown: `${at} puts "${name}" in useradd's default group (-N)` } };
  else group = ownGroup(accounts, name, uid, at);
  accounts.users.set(name, { name, uid, group });
}

function adduser(accounts: Accounts, parsed: Parsed, at: string): void {
  const { options, positionals } = parsed;
  if (options.has('help') || positionals.length === 0) return;
  const anyOption = options.size > 0 || parsed.dynamic;
  // `adduser USER GROUP`: an existing user joins an existing group.
  if (!anyOption && positionals.length === 2) return;
  // Debian `adduser --group NAME` (without --system) is addgroup.
  if (options.has('group') && !options.has('system')) return addgroup(accounts, parsed, at);
  const name = target(accounts, parsed, 0);
  if (name === undefined) return;
  const uid = optionId(parsed, 'uid', at, `${at} creates "${name}" without an explicit UID (-u/--uid), so the system picks it`);
  const gid = options.get('gid');
  const ingroup = options.get('ingroup');
  let group: GroupRef;
  if (gid !== undefined) group = groupRef(gid, `the primary group ${at} gives "${name}"`);
  else if (ingroup !== undefined) group = ingroup === true || ingroup === null ? { gid: { dynamic: true } } : { name: ingroup, via: `the primary group ${at} gives "${name}"` };
  else if (options.has('system') && !options.has('group')) group = { name: 'nogroup', via: `the group ${at} gives the system user "${name}"` };
  else group = ownGroup(accounts, name, uid, at);
  accounts.users.set(name, { name, uid, group });
}

/** The group named as the user that useradd and adduser create by default, with the user's UID as its GID. */
function ownGroup(accounts: Accounts, name: string, uid: Id, at: string): GroupRef {
  const gid: Id = 'id' in uid ? { id: uid.id, how: `the own group ${at} creates for "${name}", GID = UID` } : 'dynamic' in uid ? uid : { unknown: `${at} gives "${name}" its own group, whose GID follows the UID the system picks` };
  accounts.groups.set(name, { name, gid });
  return { gid };
}

function addgroup(accounts: Accounts, parsed: Parsed, at: string): void {
  const { options, positionals } = parsed;
  // `addgroup USER GROUP`: an existing user joins an existing group.
  if (options.has('help') || positionals.length !== 1) return;
  const name = target(accounts, parsed, 0);
  if (name === undefined) return;
  const gid = optionId(parsed, 'gid', at, `${at} creates group "${name}" without an explicit GID (-g/--gid), so the system picks it`);
  accounts.groups.set(name, { name, gid });
}

function usermod(accounts: Accounts, parsed: Parsed, at: string): void {
  const { options } = parsed;
  if (options.has('help')) return;
  const name = target(accounts, parsed);
  if (name === undefined) return;
  const user = accounts.user(name);
  const uid = parseId(options.get('uid'), at);
  const gid = options.get('gid');
  const login = options.get('login');
  if (!user) {
    // A user of the base image that is not known: modified values are known all the same.
    if (uid || gid !== undefined) accounts.users.set(name, { name, uid: uid ?? accounts.missingUser(name), group: gid !== undefined ? groupRef(gid, `the primary group ${at} gives "${name}"`) : { gid: accounts.missingUser(name) } });
    return;
  }
  const updated: UserEntry = { ...user, uid: uid ?? user.uid, group: gid !== undefined ? groupRef(gid, `the primary group ${at} gives "${name}"`) : user.group };
  if (typeof login === 'string') {
    accounts.users.delete(name);
    accounts.users.set(login, { ...updated, name: login });
  } else if (login === null) {
    accounts.dynamic = true;
  } else {
    accounts.users.set(name, updated);
  }
}

function groupmod(accounts: Accounts, parsed: Parsed, at: string): void {
  const { options } = parsed;
  if (options.has('help')) return;
  const name = target(accounts, parsed);
  if (name === undefined) return;
  const gid = parseId(options.get('gid'), at);
  const rename = options.get('rename');
  const current = gid ?? accounts.group(name);
  if (typeof rename === 'string') {
    accounts.groups.delete(name);
    accounts.groups.set(rename, { name: rename, gid: current });
  } else if (rename === null) {
    accounts.dynamic = true;
  } else if (gid) {
    accounts.groups.set(name, { name, gid });
  }
}

/** `echo 'app:x:1001:1001::/home/app:/bin/sh' >> /etc/passwd` (and group lines `app:x:1001:`). */
function passwdLines(accounts: Accounts, values: (string | undefined)[], at: string): void {
  for (const value of values) {
    for (const line of (value ?? '').split(/\n|\\n/)) {
      const fields = line.trim().split(':');
      if (!/^[a-z_][a-z0-9_.-]*\$?$/i.test(fields[0] ?? '')) continue;
      const name = fields[0]!;
      if (fields.length === 7 && /^\d+$/.test(fields[2]!) && /^\d+$/.test(fields[3]!)) {
        accounts.users.set(name, { name, uid: { id: Number(fields[2]), how: `a passwd line written by ${at}` }, group: { gid: { id: Number(fields[3]), how: `a passwd line written by ${at}` } } });
      } else if (fields.length === 4 && /^\d+$/.test(fields[2]!)) {
        accounts.groups.set(name, { name, gid: { id: Number(fields[2]), how: `a group line written by ${at}` } });
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// USER and compose `user:`

/** The USER in effect with its variables resolved from the ARG/ENV values (and build arguments) of the stage it is in. */
export interface UserSetting {
  /** The value with known variables substituted; still contains `$` when some are unknown. */
  value: string;
  at: SourceRef;
  instruction: Instruction;
  stage: Stage;
}

export function userSetting(df: DockerfileModel, stage: Stage, buildArgs?: BuildArgs): UserSetting | undefined {
  for (const s of lineage(stage).reverse()) {
    const found = [...s.instructions].reverse().find((i) => i.getKeyword() === 'USER');
    if (!found) continue;
    const raw = found.getArgumentsContent()?.trim() ?? '';
    const value = raw.includes('$') ? (substitute(raw, variablesBefore(df, s, found, buildArgs)) ?? raw) : raw;
    return { value, at: df.ref(found.getInstructionRange()), instruction: found, stage: s };
  }
  return undefined;
}

export interface ResolvedUser {
  /** The user part as written (`app`, `1001`). */
  user: string;
  uid: Id;
  gid: Id;
}

/** Resolves `user`, `user:group`, `uid` or `uid:gid` to IDs through the accounts. */
export function resolveUser(spec: string, accounts: Accounts): ResolvedUser {
  const colon = spec.indexOf(':');
  const user = (colon < 0 ? spec : spec.slice(0, colon)).trim();
  const group = colon < 0 ? undefined : spec.slice(colon + 1).trim();
  let uid: Id;
  let entry: UserEntry | undefined;
  if (user === '') return { user, uid: { dynamic: true }, gid: { dynamic: true } };
  if (/^\d+$/.test(user)) {
    uid = { id: Number(user), how: 'as written' };
    entry = accounts.userByUid(uid.id);
  } else {
    entry = accounts.user(user);
    uid = entry ? entry.uid : accounts.missingUser(user);
  }
  let gid: Id;
  if (group !== undefined && group !== '') {
    gid = /^\d+$/.test(group) ? { id: Number(group), how: 'as written' } : accounts.group(group);
  } else if (entry) {
    gid = accounts.primaryGid(entry);
  } else if ('id' in uid) {
    gid = accounts.dynamic
      ? { dynamic: true }
      : { unknown: `no group is written and no user with UID ${uid.id} is known, so Docker takes the group from the image's /etc/passwd (GID 0 when UID ${uid.id} is not in it)` };
  } else {
    gid = uid;
  }
  return { user, uid, gid };
}
