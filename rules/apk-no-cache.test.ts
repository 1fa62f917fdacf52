import rule from './apk-no-cache.js';
import { testRule } from '../test/rule-tester.js';

const alpine = (run: string) => `FROM alpine:3.20\n${run}\n`;

testRule(rule, {
  valid: [
    { name: 'apk add --no-cache', dockerfile: alpine('RUN apk add --no-cache curl=8.9.1-r2') },
    { name: '--no-cache before add', dockerfile: alpine('RUN apk --no-cache add curl=8.9.1-r2') },
    { name: '--no-cache after the packages', dockerfile: alpine('RUN apk add curl=8.9.1-r2 --no-cache') },
    { name: 'cache mount on /var/cache/apk', dockerfile: alpine('RUN --mount=type=cache,target=/var/cache/apk apk add -U curl=8.9.1-r2') },
    { name: 'tmpfs mount on /var/cache/apk', dockerfile: alpine('RUN --mount=type=tmpfs,target=/var/cache/apk apk add --update curl=8.9.1-r2') },
    { name: 'a cache mount elsewhere with --no-cache', dockerfile: alpine('RUN --mount=type=cache,target=/var/cache/foo apk add --no-cache -U curl=8.9.1-r2') },
    { name: 'options in a variable before the subcommand', dockerfile: alpine('RUN apk $APK_OPTS add curl=8.9.1-r2') },
    { name: 'a variable named like options may hold --no-cache', dockerfile: alpine('RUN apk add $APK_FLAGS curl=8.9.1-r2') },
    { name: 'update and del are not add', dockerfile: alpine('RUN apk update && apk del curl') },
    { name: 'exec form with --no-cache', dockerfile: alpine('RUN ["apk", "add", "--no-cache", "curl=8.9.1-r2"]') },
  ],
  invalid: [
    { name: 'apk add without --no-cache points at apk', dockerfile: alpine('RUN apk add flex=2.6.4-r6'), errors: [{ messageId: 'missingNoCache', line: 2, column: 5 }] },
    { name: 'apk add --update', dockerfile: alpine('RUN apk add --update curl=8.9.1-r2'), errors: [{ messageId: 'missingNoCache', line: 2, column: 5 }] },
    {
      name: 'removing the cache by hand is still reported',
      dockerfile: alpine('RUN apk update && apk add curl=8.9.1-r2 && rm -rf /var/cache/apk/*'),
      errors: [{ messageId: 'missingNoCache', line: 2, column: 19 }],
    },
    {
      name: 'a cache mount on another folder',
      dockerfile: alpine('RUN --mount=type=cache,target=/var/cache/foo apk add -U curl=8.9.1-r2'),
      errors: [{ messageId: 'missingNoCache', line: 2, column: 46 }],
    },
    { name: 'a bind mount on the cache folder', dockerfile: alpine('RUN --mount=target=/var/cache/apk apk add curl=8.9.1-r2'), errors: [{ messageId: 'missingNoCache', line: 2, column: 35 }] },
    { name: 'an unknown package list does not excuse it', dockerfile: alpine('RUN apk add $PACKAGES'), errors: [{ messageId: 'missingNoCache', line: 2, column: 5 }] },
    { name: 'ONBUILD RUN', dockerfile: alpine('ONBUILD RUN apk add curl=8.9.1-r2'), errors: [{ messageId: 'missingNoCache', line: 2, column: 13 }] },
    { name: 'exec form', dockerfile: alpine('RUN ["apk", "add", "curl=8.9.1-r2"]'), errors: [{ messageId: 'missingNoCache', line: 2, column: 6 }] },
    { name: 'after set -eux', dockerfile: alpine('RUN set -eux; apk add curl=8.9.1-r2'), errors: [{ messageId: 'missingNoCache', line: 2, column: 15 }] },
    { name: 'in a heredoc script', dockerfile: alpine('RUN <<EOF\nset -e\napk add curl=8.9.1-r2\nEOF'), errors: [{ messageId: 'missingNoCache', line: 4, column: 1 }] },
  ],
});
