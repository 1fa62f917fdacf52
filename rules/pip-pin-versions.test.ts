import rule from './pip-pin-versions.js';
import { testRule } from '../test/rule-tester.js';

const df = (...lines: string[]) => `FROM python:3.12-slim\n${lines.join('\n')}\n`;

testRule(rule, {
  valid: [
    { name: 'exact pin', dockerfile: df('RUN pip install flask==3.0.3') },
    { name: 'range operators', dockerfile: df("RUN pip install 'alabaster>=0.7' 'sphinx<8' 'x!=1.0' 'y~=2.1' 'z===1.0'") },
    { name: 'requirements file, short flag', dockerfile: df('RUN pip install -r requirements.txt') },
    { name: 'requirements file, long flag', dockerfile: df('RUN pip install --no-cache-dir --requirement requirements.txt') },
    { name: 'requirements file exempts the whole command, as in hadolint', dockerfile: df('RUN pip install -r requirements.txt gunicorn') },
    { name: 'current directory', dockerfile: df('RUN pip install .') },
    { name: 'editable install of a path', dockerfile: df('RUN pip install -e ./lib') },
    { name: 'constraints file, long flag', dockerfile: df('RUN pip install pykafka --constraint constraints.txt') },
    { name: 'constraints file, short flag', dockerfile: df('RUN pip install pykafka -c https://example.com/constraints.txt') },
    { name: 'local wheel and sdist', dockerfile: df('RUN pip install mypkg-1.0-py3-none-any.whl mypkg-1.0.tar.gz') },
    { name: 'local directory and URL', dockerfile: df('RUN pip install foo/bar https://example.com/pkg.zip ./vendor/pkg ~/pkg') },
    { name: 'local directory with extras', dockerfile: df('RUN pip install ".[dev]"') },
    { name: 'git URL pinned to a tag', dockerfile: df('RUN pip install git+https://github.com/rtfd/r-ext.git@0.6-alpha#egg=r-ext') },
    { name: 'git over ssh pinned to a tag', dockerfile: df('RUN pip install git+ssh://git@github.com/rtfd/r-ext.git@v1#egg=r-ext') },
    { name: 'values of options are not packages', dockerfile: df('RUN pip3 install --prefix /opt/x --root /r --target /t --trusted-host host -i https://pypi.example/simple --extra-index-url https://x.example/simple --build /b yamllint==1.20.0') },
    { name: 'flags around a pinned package', dockerfile: df('RUN pip install --ignore-installed MySQL_python==1.2.2 --user --disable-pip-version-check') },
    { name: 'python -m pip pinned', dockerfile: df('RUN python -m pip install example==1.2.2') },
    { name: 'python3.12 -m pip pinned', dockerfile: df('RUN python3.12 -m pip install --upgrade pip==24.0') },
    { name: 'pipenv, pipx and uv are not pip', dockerfile: df('RUN pipenv install black && pipx install ruff && uv pip install httpx') },
    { name: 'pip download is not an install', dockerfile: df('RUN pip download flask') },
    { name: 'a package from a variable is unknown', dockerfile: df('ARG PKGS', 'RUN pip install $PKGS "flask==${FLASK_VERSION}" "$(cat pkgs.txt)"') },
    { name: 'pip mentioned in a comment line of a continuation', dockerfile: df('RUN set -eux \\', '# pip install flask', '  && pip install flask==3.0.3') },
    { name: 'pinned in a heredoc script', dockerfile: df('RUN <<EOF', 'set -e', 'pip install flask==3.0.3', 'EOF') },
    { name: 'shell syntax error stays silent', dockerfile: df('RUN pip install "flask') },
    { name: 'PowerShell RUN is not read', dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN pip install flask\n' },
  ],
  invalid: [
    { name: 'unpinned package', dockerfile: df('RUN pip install flask'), errors: [{ messageId: 'unpinned', line: 2, column: 17, data: { package: 'flask' } }] },
    { name: 'pip2', dockerfile: df('RUN pip2 install MySQL_python'), errors: [{ messageId: 'unpinned', line: 2, column: 18 }] },
    { name: 'pip3.12', dockerfile: df('RUN pip3.12 install MySQL_python'), errors: [{ messageId: 'unpinned', line: 2, column: 21 }] },
    { name: 'pip of a virtualenv by path', dockerfile: df('RUN /opt/venv/bin/pip install flask'), errors: [{ messageId: 'unpinned', line: 2, column: 31 }] },
    { name: 'python -m pip', dockerfile: df('RUN python -m pip install example'), errors: [{ messageId: 'unpinned', line: 2, column: 27, data: { package: 'example' } }] },
    {
      name: 'python3 -m pip with an index URL',
      dockerfile: df('RUN python3 -m pip install --index-url https://pypi.example/simple example'),
      errors: [{ messageId: 'unpinned', line: 2, column: 68, data: { package: 'example' } }],
    },
    { name: 'one of two packages unpinned', dockerfile: df('RUN pip install flask==3 requests'), errors: [{ messageId: 'unpinned', line: 2, column: 26, data: { package: 'requests' } }] },
    {
      name: 'every unpinned package is reported',
      dockerfile: df('RUN pip install flask requests'),
      errors: [
        { messageId: 'unpinned', line: 2, column: 17, data: { package: 'flask' } },
        { messageId: 'unpinned', line: 2, column: 23, data: { package: 'requests' } },
      ],
    },
    { name: 'upgrading pip itself', dockerfile: df('RUN pip install --upgrade pip'), errors: [{ messageId: 'unpinned', line: 2, column: 27, data: { package: 'pip' } }] },
    { name: 'git URL without a reference', dockerfile: df('RUN pip install git+https://github.com/rtfd/read-ext.git#egg=read-ext'), errors: [{ messageId: 'unpinned', line: 2, column: 17 }] },
    { name: 'requirements given with = is not the -r exemption', dockerfile: df('RUN pip install --requirement=requirements.txt gunicorn'), errors: [{ messageId: 'unpinned', line: 2, column: 48 }] },
    {
      name: 'requirements exemption is per command',
      dockerfile: df('RUN pip install -r requirements.txt && pip install gunicorn'),
      errors: [{ messageId: 'unpinned', line: 2, column: 52, data: { package: 'gunicorn' } }],
    },
    { name: 'extras without a version', dockerfile: df('RUN pip install "uvicorn[standard]"'), errors: [{ messageId: 'unpinned', line: 2, column: 17, data: { package: 'uvicorn[standard]' } }] },
    { name: 'exec form', dockerfile: df('RUN ["pip", "install", "flask"]'), errors: [{ messageId: 'unpinned', line: 2, column: 24, data: { package: 'flask' } }] },
    { name: 'ONBUILD RUN', dockerfile: df('ONBUILD RUN pip install flask'), errors: [{ messageId: 'unpinned', line: 2, column: 25 }] },
    { name: 'heredoc script', dockerfile: df('RUN <<EOF', 'pip install \\', '  flask', 'EOF'), errors: [{ messageId: 'unpinned', line: 4, column: 3, data: { package: 'flask' } }] },
    {
      name: 'package on a continuation line',
      dockerfile: df('RUN pip install --no-cache-dir \\', '    flask==3.0.3 \\', '    requests'),
      errors: [{ messageId: 'unpinned', line: 4, column: 5, data: { package: 'requests' } }],
    },
    { name: 'inside an if', dockerfile: df('RUN if [ -n "$DEV" ]; then pip install pytest; fi'), errors: [{ messageId: 'unpinned', line: 2, column: 40, data: { package: 'pytest' } }] },
  ],
});
