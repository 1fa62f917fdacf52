import rule from './gem-pin-versions.js';
import { testRule } from '../test/rule-tester.js';

const df = (...lines: string[]) => `FROM ruby:3.3-slim\n${lines.join('\n')}\n`;

testRule(rule, {
  valid: [
    { name: 'name:version', dockerfile: df('RUN gem install bundler:2.5.10') },
    { name: 'gem i with versions', dockerfile: df('RUN gem i bundler:1 nokogiri:1.16.5') },
    { name: '-v', dockerfile: df("RUN gem install bundler -v '2.0.1'") },
    { name: '--version without =', dockerfile: df("RUN gem install bundler --version '2.0.1'") },
    { name: '--version=', dockerfile: df("RUN gem install bundler --version='2.0.1'") },
    { name: '-v glued to its value', dockerfile: df('RUN gem install rails -v7.1.3') },
    { name: 'build options after --', dockerfile: df('RUN gem install nokogiri:1.16.5 -- --use-system-libraries true') },
    { name: 'build options with = after --', dockerfile: df('RUN gem install nokogiri:1.16.5 -- --use-system-libraries=true') },
    { name: 'unknown option takes the next word, as in hadolint', dockerfile: df('RUN gem install bundler:2.0.1 --use-system-libraries true') },
    { name: 'option with = takes no word', dockerfile: df('RUN gem install bundler:2.0.1 --use-system-libraries=true') },
    { name: 'values of options are not gems', dockerfile: df('RUN gem install --no-document -i /usr/local/bundle --source https://rubygems.example bundler:2.5.10') },
    { name: 'local gem files', dockerfile: df('RUN gem install ./pkg/mygem-1.0.0.gem vendor/other.gem') },
    { name: 'other gem commands', dockerfile: df('RUN gem update --system 3.5.11 && gem list rails && gem sources --add https://x.example/') },
    { name: 'a gem from a variable is unknown', dockerfile: df('ARG GEMS', 'RUN gem install $GEMS "rails:${RAILS_VERSION}"') },
    { name: 'bundle install is not gem install', dockerfile: df('RUN bundle install --jobs 4') },
  ],
  invalid: [
    { name: 'gem i unpinned', dockerfile: df('RUN gem i bundler'), errors: [{ messageId: 'unpinned', line: 2, column: 11, data: { gem: 'bundler' } }] },
    { name: 'gem install unpinned', dockerfile: df('RUN gem install bundler'), errors: [{ messageId: 'unpinned', line: 2, column: 17, data: { gem: 'bundler' } }] },
    { name: 'one of two', dockerfile: df('RUN gem i bundler:1 nokogiri'), errors: [{ messageId: 'unpinned', line: 2, column: 21, data: { gem: 'nokogiri' } }] },
    { name: 'after a switch that takes no value', dockerfile: df('RUN gem install --no-document bundler'), errors: [{ messageId: 'unpinned', line: 2, column: 31, data: { gem: 'bundler' } }] },
    { name: 'after -N', dockerfile: df('RUN gem install -N rails'), errors: [{ messageId: 'unpinned', line: 2, column: 20 }] },
    {
      name: 'each unpinned gem',
      dockerfile: df('RUN gem install rake bundler:2.5.10 rspec'),
      errors: [
        { messageId: 'unpinned', line: 2, column: 17, data: { gem: 'rake' } },
        { messageId: 'unpinned', line: 2, column: 37, data: { gem: 'rspec' } },
      ],
    },
    { name: 'gem by path name', dockerfile: df('RUN /usr/local/bin/gem install rake'), errors: [{ messageId: 'unpinned', line: 2, column: 32 }] },
    { name: 'exec form', dockerfile: df('RUN ["gem", "install", "bundler"]'), errors: [{ messageId: 'unpinned', line: 2, column: 24 }] },
    { name: 'ONBUILD RUN', dockerfile: df('ONBUILD RUN gem install bundler'), errors: [{ messageId: 'unpinned', line: 2, column: 25 }] },
    { name: 'heredoc script', dockerfile: df('RUN <<EOF', 'gem update --system 3.5.11', 'gem install bundler', 'EOF'), errors: [{ messageId: 'unpinned', line: 4, column: 13 }] },
  ],
});
