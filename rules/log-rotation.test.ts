import rule from './log-rotation.js';
import { testRule } from '../test/rule-tester.js';

const rotated = '    logging:\n      driver: json-file\n      options:\n        max-size: 50m\n        max-file: "5"\n';

testRule(rule, {
  valid: [
    { name: 'json-file with max-size and max-file', compose: `services:\n  api:\n    image: api:1\n${rotated}` },
    { name: 'no driver (json-file) with numeric options', compose: 'services:\n  api:\n    image: api:1\n    logging:\n      options:\n        max-size: 10485760\n        max-file: 3\n' },
    { name: 'local rotates by default', compose: 'services:\n  api:\n    image: api:1\n    logging:\n      driver: local\n' },
    { name: 'drivers that write no log file', compose: 'services:\n  a:\n    image: a:1\n    logging:\n      driver: journald\n  b:\n    image: b:1\n    logging:\n      driver: syslog\n      options:\n        syslog-address: "udp://10.0.0.1:514"\n  c:\n    image: c:1\n    logging:\n      driver: none\n  d:\n    image: d:1\n    logging:\n      driver: fluentd\n' },
    { name: 'daemonRotates: no logging is fine', compose: 'services:\n  api:\n    image: api:1\n', options: { daemonRotates: true } },
    { name: 'daemonRotates: options without driver are the daemon default', compose: 'services:\n  api:\n    image: api:1\n    logging:\n      options:\n        tag: "{{.Name}}"\n', options: { daemonRotates: true } },
    { name: 'requireMaxFile off: max-size alone', compose: 'services:\n  api:\n    image: api:1\n    logging:\n      driver: json-file\n      options:\n        max-size: 10m\n', options: { requireMaxFile: false } },
    { name: 'maxSize: 50m is within 100m', compose: `services:\n  api:\n    image: api:1\n${rotated}`, options: { maxSize: '100m' } },
    { name: 'driver from an unset variable is unknown', compose: 'services:\n  api:\n    image: api:1\n    logging:\n      driver: ${LOG_DRIVER}\n' },
    { name: 'max-size from an unset variable is unknown', compose: 'services:\n  api:\n    image: api:1\n    logging:\n      driver: json-file\n      options:\n        max-size: ${LOG_MAX_SIZE}\n        max-file: "3"\n', options: { maxSize: '10m' } },
    { name: 'shared through a YAML anchor', compose: 'x-logging: &logging\n  driver: json-file\n  options:\n    max-size: 20m\n    max-file: "3"\nservices:\n  api:\n    image: api:1\n    logging: *logging\n  worker:\n    image: worker:1\n    logging: *logging\n' },
    { name: 'an override checked alone is not judged for a missing block', files: { 'compose.prod.yaml': 'services:\n  api:\n    environment:\n      LOG_LEVEL: info\n' } },
    {
      name: 'base without options, the override adds them',
      files: {
        'compose.yaml': 'services:\n  api:\n    image: api:1\n    logging:\n      driver: json-file\n',
        'compose.override.yaml': 'services:\n  api:\n    logging:\n      options:\n        max-size: 50m\n        max-file: "5"\n',
      },
    },
  ],
  invalid: [
    { name: 'no logging at all', compose: 'services:\n  api:\n    image: api:1\n', errors: [{ messageId: 'missing', line: 2, column: 3, data: { service: 'api' } }] },
    { name: 'empty logging key', compose: 'services:\n  api:\n    image: api:1\n    logging:\n', errors: [{ messageId: 'missing', line: 4, column: 5 }] },
    {
      name: 'json-file without options points at the driver',
      compose: 'services:\n  api:\n    image: api:1\n    logging:\n      driver: "json-file"\n',
      errors: [{ messageId: 'noMaxSize', line: 5, column: 15, data: { driver: 'json-file' } }],
    },
    {
      name: 'options without max-size point at options',
      compose: 'services:\n  api:\n    image: api:1\n    logging:\n      driver: json-file\n      options:\n        max-file: "5"\n',
      errors: [{ messageId: 'noMaxSize', line: 6, column: 7 }],
    },
    {
      name: 'no driver is json-file',
      compose: 'services:\n  api:\n    image: api:1\n    logging:\n      options:\n        tag: api\n',
      errors: [{ messageId: 'noMaxSize', line: 5, column: 7, data: { driver: 'json-file' } }],
    },
    {
      name: 'max-size -1 is unlimited',
      compose: 'services:\n  api:\n    image: api:1\n    logging:\n      driver: json-file\n      options:\n        max-size: "-1"\n        max-file: "3"\n',
      errors: [{ messageId: 'unlimited', line: 7, column: 19 }],
    },
    {
      name: 'max-size without max-file',
      compose: 'services:\n  api:\n    image: api:1\n    logging:\n      driver: json-file\n      options:\n        max-size: 10m\n',
      errors: [{ messageId: 'noMaxFile', line: 6, column: 7 }],
    },
    {
      name: 'maxSize bound for json-file and local',
      compose: 'services:\n  api:\n    image: api:1\n    logging:\n      driver: json-file\n      options:\n        max-size: 200m\n        max-file: "2"\n  worker:\n    image: worker:1\n    logging:\n      driver: local\n      options:\n        max-size: 1g\n',
      options: { maxSize: '100m' },
      errors: [
        { messageId: 'tooLarge', line: 7, column: 19, data: { size: '200m', limit: '100m' } },
        { messageId: 'tooLarge', line: 14, column: 19, data: { service: 'worker', size: '1g' } },
      ],
    },
    {
      name: 'override turns rotation off: points into compose.override.yaml',
      files: {
        'compose.yaml': `services:\n  api:\n    image: api:1\n${rotated}`,
        'compose.override.yaml': 'services:\n  api:\n    logging:\n      options:\n        max-size: "-1"\n',
      },
      errors: [{ messageId: 'unlimited', file: 'compose.override.yaml', line: 5, column: 19 }],
    },
    {
      name: 'override switches from local to json-file',
      files: {
        'compose.yaml': 'services:\n  api:\n    image: api:1\n    logging:\n      driver: local\n',
        'compose.override.yaml': 'services:\n  api:\n    logging:\n      driver: json-file\n',
      },
      errors: [{ messageId: 'noMaxSize', file: 'compose.override.yaml', line: 4, column: 15 }],
    },
  ],
});
