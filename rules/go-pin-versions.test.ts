import rule from './go-pin-versions.js';
import { testRule } from '../test/rule-tester.js';

const df = (...lines: string[]) => `FROM golang:1.22\n${lines.join('\n')}\n`;

testRule(rule, {
  valid: [
    { name: 'go install with a version', dockerfile: df('RUN go install example.com/pkg@v1.2.3') },
    { name: 'go install tool with a version', dockerfile: df('RUN go install tool foobar@v1.2.3') },
    { name: 'go install tool from go.mod', dockerfile: df('RUN go install tool') },
    { name: 'go get with a version', dockerfile: df('RUN go get example.com/pkg@v1.2.3') },
    { name: 'go get -tool with a version', dockerfile: df('RUN go get -tool foobar@v1.2.3') },
    { name: 'go run with a version', dockerfile: df('RUN go run example.com/pkg@v1.2.3') },
    { name: 'go run program flags and arguments are not packages', dockerfile: df('RUN go run example.com/pkg@v1.2.3 -f --foo bar baz') },
    { name: 'local paths', dockerfile: df('RUN go install /go/app/foobar ./app/foobar . ./... && go run . && go run ./cmd/server') },
    { name: 'go run of source files', dockerfile: df('RUN go run main.go helpers.go') },
    { name: 'go get and go install without packages use go.mod', dockerfile: df('RUN go get && go install') },
    { name: 'flag values are not packages', dockerfile: df('RUN go install -tags netgo -ldflags "-s -w" -mod=readonly ./cmd/app') },
    { name: 'go build and go mod download are not fetches', dockerfile: df('RUN go mod download && go build -o /bin/app ./cmd/app') },
    { name: 'a package from a variable is unknown', dockerfile: df('ARG TOOL', 'RUN go install "$TOOL" "golang.org/x/tools/gopls@${GOPLS_VERSION}"') },
  ],
  invalid: [
    { name: 'go install without a version', dockerfile: df('RUN go install example.com/pkg'), errors: [{ messageId: 'unpinned', line: 2, column: 16, data: { package: 'example.com/pkg', subcommand: 'install' } }] },
    {
      name: 'go install @latest',
      dockerfile: df('RUN go install example.com/pkg@latest'),
      errors: [{ messageId: 'floating', line: 2, column: 16, data: { package: 'example.com/pkg', version: 'latest' } }],
    },
    { name: 'go install tool without a version', dockerfile: df('RUN go install tool foobar'), errors: [{ messageId: 'unpinned', line: 2, column: 21, data: { package: 'foobar' } }] },
    { name: 'go install tool @latest', dockerfile: df('RUN go install tool foobar@latest'), errors: [{ messageId: 'floating', line: 2, column: 21 }] },
    { name: 'go get without a version', dockerfile: df('RUN go get example.com/pkg'), errors: [{ messageId: 'unpinned', line: 2, column: 12, data: { subcommand: 'get' } }] },
    { name: 'go get @latest', dockerfile: df('RUN go get example.com/pkg@latest'), errors: [{ messageId: 'floating', line: 2, column: 12 }] },
    { name: 'go get @none', dockerfile: df('RUN go get example.com/pkg@none'), errors: [{ messageId: 'floating', line: 2, column: 12, data: { version: 'none' } }] },
    { name: 'go get -tool without a version', dockerfile: df('RUN go get -tool foobar'), errors: [{ messageId: 'unpinned', line: 2, column: 18 }] },
    { name: 'go get -tool @latest', dockerfile: df('RUN go get -tool foobar@latest'), errors: [{ messageId: 'floating', line: 2, column: 18 }] },
    { name: 'go run without a version', dockerfile: df('RUN go run example.com/pkg'), errors: [{ messageId: 'unpinned', line: 2, column: 12, data: { subcommand: 'run' } }] },
    { name: 'go run @latest with arguments', dockerfile: df('RUN go run example.com/pkg@latest --out /tmp'), errors: [{ messageId: 'floating', line: 2, column: 12 }] },
    {
      name: 'each package of go install',
      dockerfile: df('RUN go install golang.org/x/tools/gopls@v0.16.1 honnef.co/go/tools/cmd/staticcheck@latest github.com/x/y'),
      errors: [
        { messageId: 'floating', line: 2, column: 49, data: { package: 'honnef.co/go/tools/cmd/staticcheck' } },
        { messageId: 'unpinned', line: 2, column: 91, data: { package: 'github.com/x/y' } },
      ],
    },
    { name: 'after a flag value', dockerfile: df('RUN go install -tags netgo example.com/pkg'), errors: [{ messageId: 'unpinned', line: 2, column: 28 }] },
    { name: 'both go run and go install are checked', dockerfile: df('RUN go run ./gen && go install example.com/tool'), errors: [{ messageId: 'unpinned', line: 2, column: 32 }] },
    { name: 'exec form', dockerfile: df('RUN ["go", "install", "example.com/pkg@latest"]'), errors: [{ messageId: 'floating', line: 2, column: 23 }] },
    { name: 'ONBUILD RUN', dockerfile: df('ONBUILD RUN go install example.com/pkg'), errors: [{ messageId: 'unpinned', line: 2, column: 24 }] },
    { name: 'heredoc script', dockerfile: df('RUN <<EOF', 'go install \\', '  example.com/pkg@latest', 'EOF'), errors: [{ messageId: 'floating', line: 4, column: 3 }] },
  ],
});
