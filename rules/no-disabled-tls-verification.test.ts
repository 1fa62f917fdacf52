import rule from './no-disabled-tls-verification.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'verified downloads', dockerfile: 'FROM debian:12\nRUN curl -fsSL https://example.com/x -o /x && wget -q https://example.com/y\n' },
    { name: 'curl -K reads a config file, -o k is an output file', dockerfile: 'FROM debian:12\nRUN curl -K /curlrc https://example.com && curl -ok https://example.com && curl -H "X-k: 1" https://example.com\n' },
    { name: 'wget -k converts links', dockerfile: 'FROM debian:12\nRUN wget -k -r https://example.com/docs\n' },
    { name: 'curl flags after -- are arguments', dockerfile: 'FROM debian:12\nRUN curl -fsSL -- -k\n' },
    { name: 'pip with a normal index', dockerfile: 'FROM python:3.12\nRUN pip install --index-url https://pypi.example.com/simple requests\n' },
    { name: 'npm strict-ssl true', dockerfile: 'FROM node:20\nRUN npm config set strict-ssl true && yarn config set strict-ssl true\n' },
    { name: 'npm config set of another key', dockerfile: 'FROM node:20\nRUN npm config set registry https://registry.example.com/\n' },
    { name: 'git sslVerify true', dockerfile: 'FROM debian:12\nRUN git config --global http.sslVerify true && git -c http.sslVerify=true clone https://example.com/r.git\n' },
    { name: 'git -C dir before config', dockerfile: 'FROM debian:12\nRUN git -C /src config user.name ci\n' },
    { name: 'NODE_TLS_REJECT_UNAUTHORIZED=1', dockerfile: 'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\nRUN NODE_TLS_REJECT_UNAUTHORIZED=1 npm ci\n' },
    { name: 'PYTHONHTTPSVERIFY=1', dockerfile: 'FROM python:3.12\nARG PYTHONHTTPSVERIFY=1\n' },
    { name: 'empty GOINSECURE and PIP_TRUSTED_HOST', dockerfile: 'FROM golang:1.22\nENV GOINSECURE= PIP_TRUSTED_HOST=""\n' },
    { name: 'ARG without a default sets nothing', dockerfile: 'FROM debian:12\nARG GIT_SSL_NO_VERIFY\nRUN git clone https://example.com/r.git\n' },
    { name: 'global ARG only reaches FROM', dockerfile: 'ARG GIT_SSL_NO_VERIFY=1\nFROM debian:12\nRUN git clone https://example.com/r.git\n' },
    { name: 'a value from an unknown variable is unknown', dockerfile: 'FROM node:20\nARG TLS_CHECK\nENV NODE_TLS_REJECT_UNAUTHORIZED=$TLS_CHECK\nRUN curl $CURL_FLAGS https://example.com && NODE_TLS_REJECT_UNAUTHORIZED=$X node a.js\n' },
    { name: 'yum sslverify=1', dockerfile: 'FROM rockylinux:9\nRUN dnf install -y --setopt=sslverify=1 git && yum-config-manager --setopt=myrepo.sslverify=true --save\n' },
    { name: 'sed turning sslverify back on', dockerfile: 'FROM rockylinux:9\nRUN sed -i \'s/sslverify=0/sslverify=1/\' /etc/yum.conf\n' },
    { name: 'apt Verify-Peer true', dockerfile: 'FROM debian:12\nRUN apt-get -o Acquire::https::Verify-Peer=true update\n' },
    { name: 'echo of unrelated text', dockerfile: 'FROM debian:12\nRUN echo "registry=https://registry.example.com/" > /root/.npmrc\n' },
    { name: 'PowerShell RUN is not parsed', dockerfile: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Invoke-WebRequest -SkipCertificateCheck https://example.com\n' },
  ],
  invalid: [
    {
      name: 'curl -k inside a flag group',
      dockerfile: 'FROM debian:12\nRUN curl -fsSLk https://example.com/install.sh -o /tmp/i.sh\n',
      errors: [{ messageId: 'flag', line: 2, column: 10, data: { tool: 'curl', flag: '-fsSLk' } }],
    },
    {
      name: 'curl --insecure and --proxy-insecure',
      dockerfile: 'FROM debian:12\nRUN curl --insecure -O https://example.com/a && curl --proxy-insecure -x https://proxy:3128 https://example.com/b\n',
      errors: [
        { messageId: 'flag', line: 2, column: 10, data: { flag: '--insecure' } },
        { messageId: 'flag', line: 2, column: 54, data: { flag: '--proxy-insecure' } },
      ],
    },
    {
      name: 'wget --no-check-certificate and -e check_certificate=off',
      dockerfile: 'FROM debian:12\nRUN wget --no-check-certificate https://example.com/a \\\n && wget -e check_certificate=off https://example.com/b\n',
      errors: [
        { messageId: 'flag', line: 2, column: 10, data: { tool: 'wget' } },
        { messageId: 'setting', line: 3, column: 13, data: { tool: 'wget', setting: 'check_certificate=off' } },
      ],
    },
    {
      name: 'pip --trusted-host, python -m pip, pip config set',
      dockerfile:
        'FROM python:3.12\nRUN pip install --trusted-host pypi.example.com flask\nRUN python3 -m pip install --trusted-host=pypi.example.com flask\nRUN pip3 config set global.trusted-host pypi.example.com\n',
      errors: [
        { messageId: 'flag', line: 2, column: 17, data: { tool: 'pip', flag: '--trusted-host' } },
        { messageId: 'flag', line: 3, column: 28, data: { tool: 'pip' } },
        { messageId: 'setting', line: 4, column: 21, data: { tool: 'pip3', setting: 'global.trusted-host pypi.example.com' } },
      ],
    },
    {
      name: 'npm, yarn and pnpm strict-ssl',
      dockerfile:
        'FROM node:20\nRUN npm config set strict-ssl false\nRUN yarn config set strict-ssl false -g\nRUN npm set strict-ssl=false\nRUN pnpm config set strict-ssl false\nRUN yarn config set enableStrictSsl false\nRUN npm ci --no-strict-ssl\n',
      errors: [
        { messageId: 'setting', line: 2, column: 20, data: { tool: 'npm', setting: 'strict-ssl false' } },
        { messageId: 'setting', line: 3, column: 21, data: { tool: 'yarn' } },
        { messageId: 'setting', line: 4, column: 13, data: { tool: 'npm', setting: 'strict-ssl false' } },
        { messageId: 'setting', line: 5, column: 21, data: { tool: 'pnpm' } },
        { messageId: 'setting', line: 6, column: 21, data: { setting: 'enableStrictSsl false' } },
        { messageId: 'flag', line: 7, column: 12, data: { flag: '--no-strict-ssl' } },
      ],
    },
    {
      name: 'git config and git -c',
      dockerfile: 'FROM debian:12\nRUN git config --global http.sslVerify false\nRUN git -c http.sslVerify=false clone https://example.com/r.git\nRUN git config --system http.https://git.example.com/.sslverify 0\n',
      errors: [
        { messageId: 'setting', line: 2, column: 25, data: { tool: 'git', setting: 'http.sslVerify false' } },
        { messageId: 'setting', line: 3, column: 12, data: { setting: 'http.sslVerify=false' } },
        { messageId: 'setting', line: 4, column: 25 },
      ],
    },
    {
      name: 'ENV with several variables',
      dockerfile: 'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED=0 PYTHONHTTPSVERIFY="0" npm_config_strict_ssl=false\n',
      errors: [
        { messageId: 'envVariable', line: 2, column: 5, data: { name: 'NODE_TLS_REJECT_UNAUTHORIZED', value: '0', tool: 'Node.js' } },
        { messageId: 'envVariable', line: 2, column: 36, data: { name: 'PYTHONHTTPSVERIFY', tool: 'Python' } },
        { messageId: 'envVariable', line: 2, column: 58, data: { name: 'npm_config_strict_ssl', tool: 'npm' } },
      ],
    },
    {
      name: 'ENV in the legacy space form',
      dockerfile: 'FROM node:20\nENV NODE_TLS_REJECT_UNAUTHORIZED 0\n',
      errors: [{ messageId: 'envVariable', line: 2, column: 5, data: { value: '0' } }],
    },
    {
      name: 'ARG defaults',
      dockerfile: 'FROM python:3.12\nARG PIP_TRUSTED_HOST=pypi.example.com\nARG GOINSECURE=git.example.com/*\n',
      errors: [
        { messageId: 'variable', line: 2, column: 5, data: { name: 'PIP_TRUSTED_HOST', value: 'pypi.example.com', tool: 'pip' } },
        { messageId: 'variable', line: 3, column: 5, data: { name: 'GOINSECURE', tool: 'Go' } },
      ],
    },
    {
      name: 'GIT_SSL_NO_VERIFY with any value',
      dockerfile: 'FROM debian:12\nENV GIT_SSL_NO_VERIFY=false\n',
      errors: [{ messageId: 'envVariable', line: 2, column: 5, data: { tool: 'git', value: 'false' } }],
    },
    {
      name: 'stage ARG takes the global default',
      dockerfile: 'ARG GIT_SSL_NO_VERIFY=1\nFROM debian:12\nARG GIT_SSL_NO_VERIFY\nRUN git clone https://example.com/r.git\n',
      errors: [{ messageId: 'variable', line: 3, column: 5, data: { value: '1' } }],
    },
    {
      name: 'ENV value from a known ARG',
      dockerfile: 'FROM node:20\nARG VERIFY=0\nENV NODE_TLS_REJECT_UNAUTHORIZED=${VERIFY}\n',
      errors: [{ messageId: 'envVariable', line: 3, column: 5, data: { value: '0' } }],
    },
    {
      name: 'prefix assignment, env and export in RUN',
      dockerfile: 'FROM node:20\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci \\\n && env PIP_TRUSTED_HOST=pypi.example.com pip install x \\\n && export GIT_SSL_NO_VERIFY=1 PYTHONHTTPSVERIFY=0 \\\n && git clone https://example.com/r.git\n',
      errors: [
        { messageId: 'variable', line: 2, column: 5, data: { name: 'NODE_TLS_REJECT_UNAUTHORIZED' } },
        { messageId: 'variable', line: 3, column: 9, data: { name: 'PIP_TRUSTED_HOST' } },
        { messageId: 'variable', line: 4, column: 12, data: { name: 'GIT_SSL_NO_VERIFY', value: '1' } },
        { messageId: 'variable', line: 4, column: 32, data: { name: 'PYTHONHTTPSVERIFY' } },
      ],
    },
    {
      name: 'go env -w GOINSECURE',
      dockerfile: 'FROM golang:1.22\nRUN go env -w GOINSECURE=git.example.com\n',
      errors: [{ messageId: 'variable', line: 2, column: 15, data: { name: 'GOINSECURE', value: 'git.example.com' } }],
    },
    {
      name: 'through sudo',
      dockerfile: 'FROM debian:12\nRUN sudo -u root curl -k https://example.com/x\n',
      errors: [{ messageId: 'flag', line: 2, column: 23, data: { flag: '-k' } }],
    },
    {
      name: 'yum and dnf sslverify',
      dockerfile: 'FROM rockylinux:9\nRUN yum-config-manager --setopt=myrepo.sslverify=false --save\nRUN dnf install -y --setopt sslverify=0 git\nRUN dnf config-manager --setopt=sslverify=False --save\n',
      errors: [
        { messageId: 'setting', line: 2, column: 24, data: { tool: 'yum-config-manager', setting: 'myrepo.sslverify=false' } },
        { messageId: 'setting', line: 3, column: 29, data: { tool: 'dnf', setting: 'sslverify=0' } },
        { messageId: 'setting', line: 4, column: 24, data: { tool: 'dnf' } },
      ],
    },
    {
      name: 'apt Verify-Peer option',
      dockerfile: 'FROM debian:12\nRUN apt-get -o Acquire::https::Verify-Peer=false update\n',
      errors: [{ messageId: 'setting', line: 2, column: 16, data: { tool: 'apt-get', setting: 'Acquire::https::Verify-Peer=false' } }],
    },
    {
      name: 'settings written to configuration files',
      dockerfile:
        'FROM debian:12\nRUN echo "strict-ssl=false" >> /root/.npmrc\nRUN printf \'[global]\\ntrusted-host = pypi.example.com\\n\' > /etc/pip.conf\nRUN echo \'Acquire::https::Verify-Peer "false";\' > /etc/apt/apt.conf.d/99insecure\nRUN sed -i \'s/sslverify=1/sslverify=0/\' /etc/yum.conf\nRUN printf \'[http]\\n\\tsslVerify = false\\n\' >> /etc/gitconfig\n',
      errors: [
        { messageId: 'setting', line: 2, column: 10, data: { tool: 'npm', setting: 'strict-ssl=false' } },
        { messageId: 'setting', line: 3, column: 12, data: { tool: 'pip', setting: 'trusted-host = pypi.example.com' } },
        { messageId: 'setting', line: 4, column: 10, data: { tool: 'apt' } },
        { messageId: 'setting', line: 5, column: 12, data: { tool: 'yum/dnf', setting: 'sslverify=0' } },
        { messageId: 'setting', line: 6, column: 12, data: { tool: 'git', setting: 'sslVerify = false' } },
      ],
    },
    {
      name: 'exec form',
      dockerfile: 'FROM debian:12\nRUN ["curl", "-k", "-o", "/x", "https://example.com/x"]\n',
      errors: [{ messageId: 'flag', line: 2, column: 14, data: { flag: '-k' } }],
    },
    {
      name: 'exec form sh -c script',
      dockerfile: 'FROM debian:12\nRUN ["sh", "-c", "wget --no-check-certificate https://example.com/x"]\n',
      errors: [{ messageId: 'flag', line: 2, column: 24, data: { tool: 'wget' } }],
    },
    {
      name: 'ONBUILD RUN and ONBUILD ENV',
      dockerfile: 'FROM node:20\nONBUILD RUN curl --insecure https://example.com/x\nONBUILD ENV NODE_TLS_REJECT_UNAUTHORIZED=0\n',
      errors: [
        { messageId: 'flag', line: 2, column: 18 },
        { messageId: 'envVariable', line: 3, column: 13 },
      ],
    },
    {
      name: 'heredoc script',
      dockerfile: 'FROM debian:12\nRUN <<EOF\nset -e\ncurl -k https://example.com/x | sh\nEOF\n',
      errors: [{ messageId: 'flag', line: 4, column: 6 }],
    },
  ],
});
