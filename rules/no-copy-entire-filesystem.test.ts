import rule from './no-copy-entire-filesystem.js';
import { testRule } from '../test/rule-tester.js';

testRule(rule, {
  valid: [
    { name: 'root without --from', dockerfile: 'FROM alpine:3.20\nCOPY / /\n' },
    { name: 'a directory from another stage', dockerfile: 'FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build /app /\n' },
    { name: 'root into a subdirectory', dockerfile: 'FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build / /app\n' },
    { name: 'files into root', dockerfile: 'FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build /out/app /etc/passwd /\n' },
    { name: 'ADD is not COPY', dockerfile: 'FROM alpine:3.20\nADD rootfs.tar.gz /\n' },
  ],
  invalid: [
    { name: 'root onto root', dockerfile: 'FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build / /\n', errors: [{ messageId: 'wholeFilesystem', line: 3, column: 19, data: { from: 'build' } }] },
    { name: 'quoted paths', dockerfile: 'FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --from=build "/" "/"\n', errors: [{ messageId: 'wholeFilesystem', line: 3, column: 19 }] },
    { name: 'JSON form', dockerfile: 'FROM alpine:3.20\nCOPY --from=busybox:1.36 ["/", "/"]\n', errors: [{ messageId: 'wholeFilesystem', line: 2, column: 27, data: { from: 'busybox:1.36' } }] },
    { name: 'other spellings of root', dockerfile: 'FROM golang:1.22 AS build\nFROM alpine:3.20\nCOPY --link --from=build /. //\n', errors: [{ messageId: 'wholeFilesystem', line: 3, column: 26 }] },
    { name: 'root among several sources', dockerfile: 'FROM golang:1.22 AS build\nFROM scratch\nCOPY --from=build /etc/passwd / /\n', errors: [{ messageId: 'wholeFilesystem', line: 3, column: 31 }] },
  ],
});
