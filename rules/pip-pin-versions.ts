import { defineRule } from '../src/engine/rule.js';
import { hasFlag, refOf } from '../src/model/run.js';
import { operands, parsedRuns, PIP_OPTIONS, pipInstall } from '../src/model/packages-lang.js';
import { dockerfilesOf } from '../src/model/project.js';

/** A version operator anywhere in the requirement: `==`, `>=`, `<=`, `!=`, `~=`, `===`, `<`, `>`. */
const VERSION_OPERATOR = /[=!~<>]=|[<>]/;
/** A VCS requirement: `git+https://...`, `git://...`, `hg+ssh://...`, `svn+...`, `bzr+lp:...`. */
const VCS = /^(?:git|hg|svn|bzr)(?:\+[a-z-]+)?:/i;
/** Archives and wheels are files: their version is the file. */
const FILE_SUFFIX = /\.(?:whl|tar\.gz|tgz|tar\.bz2|tar\.xz|zip)$/i;

/** Whether pip gets this requirement at a fixed version, or from a place that is not an index (a path, a URL, a file). */
function pipRequirementPinned(requirement: string): boolean {
  if (VERSION_OPERATOR.test(requirement)) return true;
  if (VCS.test(requirement)) return requirement.includes('@');
  return requirement.includes('/') || requirement.includes('\\') || FILE_SUFFIX.test(requirement) || /^[.~]/.test(requirement);
}

export default defineRule({
  meta: {
    id: 'pip-pin-versions',
    aliases: ['DL3013', 'Unpinned Package Version in Pip Install'],
    level: 'warning',
    target: 'dockerfile',
    tags: ['reproducibility', 'supply-chain'],
    description: 'Packages installed with pip install in a RUN name a version, or come from a requirements or constraints file.',
    docs: {
      what: 'Checks every `pip install` (also `pip3`, `pip3.12`, `/opt/venv/bin/pip` and `python -m pip install`) in RUN, ONBUILD RUN, exec-form RUN and heredoc scripts. Each package named on the command line must carry a version operator (`flask==3.0.3`, `flask>=3,<4`, `~=`, `!=`, `===`) or not come from the index: a path (`.`, `./pkg`, `/src/pkg`, `~/pkg`), a URL, a wheel or sdist file, or a VCS URL pinned with `@<ref>`. A command that installs from a requirements file (`-r`, `--requirement`), the current directory (`.`) or under a constraints file (`-c`, `--constraint`) is not judged, nor is a package given as a variable (`$PKGS`), or pipx, pipenv and uv.',
      why: 'An unpinned `pip install flask` installs whatever version is newest on the day of the build: two builds of the same Dockerfile get different code, a release with breaking changes or a compromised upload slips in unnoticed, and a cached layer hides the difference until the cache is dropped.',
      example: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask gunicorn==22.0.0',
      fix: 'Pin every package, or install from a pinned requirements file:\n\nFROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3 gunicorn==22.0.0\n\nor\n\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt',
    },
    messages: {
      unpinned: 'Pin the version of "{{package}}" in pip install (`{{package}}==<version>`), or install it from a requirements file.',
    },
  },
  check({ project, report }) {
    for (const df of dockerfilesOf(project)) {
      for (const run of parsedRuns(df)) {
        for (const command of run.commands) {
          const install = pipInstall(command);
          if (!install) continue;
          // A requirements file, the project directory or a constraints file decides the versions: hadolint's exemptions.
          if (command.args.some((a) => a.value === '-r' || a.value === '--requirement' || a.value === '.')) continue;
          if (hasFlag(command, '-c', '--constraint')) continue;
          for (const word of operands(install.rest, PIP_OPTIONS)) {
            if (word.value === undefined || word.value === '' || word.value === '-' || pipRequirementPinned(word.value)) continue;
            report({ messageId: 'unpinned', data: { package: word.value }, at: refOf(df, word.span) });
          }
        }
      }
    }
  },
});
