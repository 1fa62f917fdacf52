import rule from './pip-no-cache-dir.js';
import { testRule } from '../test/rule-tester.js';

const df = (...lines: string[]) => `FROM python:3.12-slim\n${lines.join('\n')}\n`;

testRule(rule, {
  valid: [
    { name: '--no-cache-dir after the package', dockerfile: df('RUN pip install flask==3.0.3 --no-cache-dir') },
    { name: '--no-cache-dir before the package', dockerfile: df('RUN pip3 install --no-cache-dir -r requirements.txt') },
    { name: 'python -m pip with --no-cache-dir', dockerfile: df('RUN python3 -m pip install --no-cache-dir --upgrade pip==24.0') },
    { name: 'ENV PIP_NO_CACHE_DIR=1', dockerfile: df('ENV PIP_NO_CACHE_DIR=1', 'RUN pip install flask==3.0.3') },
    { name: 'ENV PIP_NO_CACHE_DIR=on, legacy form', dockerfile: df('ENV PIP_NO_CACHE_DIR on', 'RUN pip install flask==3.0.3') },
    { name: 'ENV PIP_NO_CACHE_DIR=yes among other variables', dockerfile: df('ENV PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR="yes"', 'RUN pip install flask==3.0.3') },
    { name: 'ENV PIP_NO_CACHE_DIR=TRUE', dockerfile: df('ENV PIP_NO_CACHE_DIR=TRUE', 'RUN pip install flask==3.0.3') },
    { name: 'ENV from a variable is trusted', dockerfile: df('ARG NO_CACHE=1', 'ENV PIP_NO_CACHE_DIR=$NO_CACHE', 'RUN pip install flask==3.0.3') },
    { name: 'ARG PIP_NO_CACHE_DIR in the stage', dockerfile: df('ARG PIP_NO_CACHE_DIR=1', 'RUN pip install flask==3.0.3') },
    { name: 'inherited from the stage built on', dockerfile: 'FROM python:3.12-slim AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install six==1.16.0\n' },
    { name: 'prefix assignment on the command', dockerfile: df('RUN PIP_NO_CACHE_DIR=1 pip install flask==3.0.3') },
    { name: 'export earlier in the RUN', dockerfile: df('RUN export PIP_NO_CACHE_DIR=true && pip install flask==3.0.3') },
    { name: 'cache mount over the pip cache', dockerfile: df('RUN --mount=type=cache,target=/root/.cache/pip pip install flask==3.0.3') },
    { name: 'tmpfs mount over the pip cache', dockerfile: df('RUN --mount=type=tmpfs,target=/root/.cache/pip pip install flask==3.0.3') },
    { name: 'cache mount in a non-root home', dockerfile: df('USER app', 'RUN --mount=type=cache,target=/home/app/.cache/pip,uid=1000 pip install --user flask==3.0.3') },
    { name: 'cache mount over the whole ~/.cache', dockerfile: df('RUN --mount=type=cache,dst=/root/.cache pip install flask==3.0.3') },
    { name: 'pipx and pipenv are not pip', dockerfile: df('RUN pipx install ruff==0.5.0 && pipenv install library') },
    { name: 'no pip at all', dockerfile: df('RUN python -c "import sys"') },
    { name: 'ONBUILD RUN sees the ENV of the whole stage', dockerfile: df('ONBUILD RUN pip install flask==3.0.3', 'ENV PIP_NO_CACHE_DIR=1') },
    { name: 'heredoc with --no-cache-dir', dockerfile: df('RUN <<EOF', 'pip install --no-cache-dir flask==3.0.3', 'EOF') },
  ],
  invalid: [
    { name: 'pip install without it', dockerfile: df('RUN pip install flask==3.0.3'), errors: [{ messageId: 'cacheKept', line: 2, column: 5 }] },
    { name: 'pip2', dockerfile: df('RUN pip2 install MySQL_python'), errors: [{ messageId: 'cacheKept', line: 2, column: 5 }] },
    { name: 'python -m pip points at python', dockerfile: df('RUN apt-get update && python3 -m pip install -r requirements.txt'), errors: [{ messageId: 'cacheKept', line: 2, column: 23 }] },
    { name: 'ENV PIP_NO_CACHE_DIR=0', dockerfile: df('ENV PIP_NO_CACHE_DIR=0', 'RUN pip install flask==3.0.3'), errors: [{ messageId: 'cacheKept', line: 3, column: 5 }] },
    { name: 'ENV PIP_NO_CACHE_DIR=off', dockerfile: df('ENV PIP_NO_CACHE_DIR=off', 'RUN pip install flask==3.0.3'), errors: [{ messageId: 'cacheKept', line: 3, column: 5 }] },
    { name: 'prefix assignment with a falsy value', dockerfile: df('RUN PIP_NO_CACHE_DIR=false pip install flask==3.0.3'), errors: [{ messageId: 'cacheKept', line: 2, column: 28 }] },
    { name: 'export with a falsy value', dockerfile: df('RUN export PIP_NO_CACHE_DIR=no && pip install flask==3.0.3'), errors: [{ messageId: 'cacheKept', line: 2, column: 35 }] },
    {
      name: 'ENV in another stage is not inherited',
      dockerfile: 'FROM python:3.12-slim AS base\nENV PIP_NO_CACHE_DIR=1\nFROM python:3.12-slim\nRUN pip install six==1.16.0\n',
      errors: [{ messageId: 'cacheKept', line: 4, column: 5 }],
    },
    { name: 'ENV after the RUN does not count', dockerfile: df('RUN pip install flask==3.0.3', 'ENV PIP_NO_CACHE_DIR=1'), errors: [{ messageId: 'cacheKept', line: 2, column: 5 }] },
    { name: 'cache mount elsewhere', dockerfile: df('RUN --mount=type=cache,target=/root/.npm pip install flask==3.0.3'), errors: [{ messageId: 'cacheKept', line: 2, column: 42 }] },
    { name: 'bind mount over the pip cache', dockerfile: df('RUN --mount=type=bind,target=/root/.cache/pip pip install flask==3.0.3'), errors: [{ messageId: 'cacheKept', line: 2, column: 47 }] },
    {
      name: 'the flag on one command does not cover another',
      dockerfile: df('RUN pip install --no-cache-dir -U pip==24.0 && pip install -r requirements.txt'),
      errors: [{ messageId: 'cacheKept', line: 2, column: 48 }],
    },
    { name: 'exec form', dockerfile: df('RUN ["pip", "install", "flask==3.0.3"]'), errors: [{ messageId: 'cacheKept', line: 2, column: 6 }] },
    { name: 'ONBUILD RUN', dockerfile: df('ONBUILD RUN pip install flask==3.0.3'), errors: [{ messageId: 'cacheKept', line: 2, column: 13 }] },
    { name: 'heredoc script', dockerfile: df('RUN <<EOF', 'set -e', 'pip install flask==3.0.3', 'EOF'), errors: [{ messageId: 'cacheKept', line: 4, column: 1 }] },
    { name: 'virtualenv pip by path', dockerfile: df('RUN python -m venv /opt/venv && /opt/venv/bin/pip install flask==3.0.3'), errors: [{ messageId: 'cacheKept', line: 2, column: 33 }] },
  ],
});
