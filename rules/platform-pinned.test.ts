import rule from './platform-pinned.js';
import { testRule } from '../test/rule-tester.js';

const dockerfile = 'FROM python:3.12-slim\nCMD ["python", "-m", "app"]\n';
const built = (compose: string, df = dockerfile) => ({ 'compose.yaml': compose, 'backend/Dockerfile': df });

testRule(rule, {
  valid: [
    { name: 'built service with platform', files: built('services:\n  backend:\n    build: ./backend\n    platform: linux/amd64\n') },
    { name: 'image-only service is not judged by default', compose: 'services:\n  db:\n    image: postgres:16\n' },
    { name: 'services all: image-only service with platform', compose: 'services:\n  db:\n    image: postgres:16\n    platform: linux/amd64\n', options: { services: 'all' } },
    { name: 'allowed list matches an alias spelling', files: built('services:\n  backend:\n    build: ./backend\n    platform: linux/x86_64\n'), options: { platforms: ['linux/amd64'] } },
    { name: 'single build.platforms entry pins', files: built('services:\n  backend:\n    build:\n      context: ./backend\n      platforms:\n        - linux/arm64\n'), options: { platforms: ['linux/arm64', 'linux/amd64'] } },
    { name: 'constant FROM --platform pins', files: built('services:\n  backend:\n    build: ./backend\n', 'FROM --platform=linux/amd64 python:3.12-slim AS base\nFROM base AS app\nCMD ["python"]\n'), options: { platforms: ['linux/amd64'] } },
    { name: 'FROM --platform from an ARG is unknown', files: built('services:\n  backend:\n    build: ./backend\n', 'ARG PLATFORM\nFROM --platform=${PLATFORM} python:3.12-slim\n') },
    { name: 'platform from an unset variable is unknown', files: built('services:\n  backend:\n    build: ./backend\n    platform: ${DOCKER_PLATFORM}\n'), options: { platforms: ['linux/amd64'] } },
    { name: 'a build whose Dockerfile cannot be read is unknown', compose: 'services:\n  backend:\n    build: ./missing\n' },
    { name: 'platform listed in build.platforms', files: built('services:\n  backend:\n    platform: linux/amd64\n    build:\n      context: ./backend\n      platforms: [linux/amd64, linux/arm64]\n') },
    { name: 'an override checked alone with only build.target is partial', files: { 'compose.prod.yaml': 'services:\n  api:\n    build:\n      target: production\n    restart: always\n', Dockerfile: 'FROM python:3.12-slim AS production\nCMD ["python"]\n' } },
    {
      name: 'base without platform, the override pins it',
      files: { ...built('services:\n  backend:\n    build: ./backend\n'), 'compose.override.yaml': 'services:\n  backend:\n    platform: linux/amd64\n' },
    },
  ],
  invalid: [
    {
      name: 'built service without platform',
      files: built('services:\n  backend:\n    build: ./backend\n    ports: ["8000:8000"]\n'),
      errors: [{ messageId: 'missing', file: 'compose.yaml', line: 2, column: 3, data: { service: 'backend' } }],
    },
    {
      name: 'services all: image-only service without platform',
      compose: 'services:\n  db:\n    image: postgres:16\n',
      options: { services: 'all' },
      errors: [{ messageId: 'missing', line: 2, column: 3 }],
    },
    {
      name: 'platform outside the allowed list',
      files: built('services:\n  backend:\n    build: ./backend\n    platform: "linux/arm64"\n'),
      options: { platforms: ['linux/amd64'] },
      errors: [{ messageId: 'notAllowed', file: 'compose.yaml', line: 4, column: 15, data: { platform: 'linux/arm64', allowed: 'linux/amd64' } }],
    },
    {
      name: 'several build.platforms do not pin',
      files: built('services:\n  backend:\n    build:\n      context: ./backend\n      platforms: ["linux/amd64", "linux/arm64"]\n'),
      errors: [{ messageId: 'missing', file: 'compose.yaml', line: 2, column: 3 }],
    },
    {
      name: 'single build.platforms entry outside the allowed list',
      files: built('services:\n  backend:\n    build:\n      context: ./backend\n      platforms:\n        - linux/arm/v7\n'),
      options: { platforms: ['linux/amd64'] },
      errors: [{ messageId: 'notAllowed', file: 'compose.yaml', line: 6, column: 11, data: { platform: 'linux/arm/v7' } }],
    },
    {
      name: 'platform that build.platforms does not build',
      files: built('services:\n  backend:\n    platform: linux/arm64\n    build:\n      context: ./backend\n      platforms: [linux/amd64]\n'),
      errors: [{ messageId: 'notBuilt', file: 'compose.yaml', line: 3, column: 15, data: { platform: 'linux/arm64', built: 'linux/amd64' } }],
    },
    {
      name: 'constant FROM --platform outside the allowed list points into the Dockerfile',
      files: built('services:\n  backend:\n    build: ./backend\n', 'FROM --platform=linux/arm64 python:3.12-slim\nCMD ["python"]\n'),
      options: { platforms: ['linux/amd64'] },
      errors: [{ messageId: 'notAllowed', file: 'backend/Dockerfile', line: 1, column: 17, data: { platform: 'linux/arm64' } }],
    },
    {
      name: 'FROM --platform=$BUILDPLATFORM follows the host',
      files: built('services:\n  backend:\n    build: ./backend\n', 'FROM --platform=$BUILDPLATFORM python:3.12-slim\nCMD ["python"]\n'),
      errors: [{ messageId: 'missing', file: 'compose.yaml', line: 2, column: 3 }],
    },
    {
      name: 'override changes the platform: points into compose.override.yaml',
      files: { ...built('services:\n  backend:\n    build: ./backend\n    platform: linux/amd64\n'), 'compose.override.yaml': 'services:\n  backend:\n    platform: linux/arm64\n' },
      options: { platforms: ['linux/amd64'] },
      errors: [{ messageId: 'notAllowed', file: 'compose.override.yaml', line: 3, column: 15 }],
    },
  ],
});
