// The shapes custom policies see are the ones documented in schemas/policy-targets.schema.json, checked on every
// service and stage of the seed systems.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { discover } from '../discover/discover.js';
import { loadProject } from '../model/project.js';
import { serviceShape, stageShape } from './policies.js';

const root = path.resolve(import.meta.dirname, '../..');
const schema = (name: string) => JSON.parse(readFileSync(path.join(root, 'schemas', name), 'utf8')) as Record<string, unknown>;

describe('policy targets match their documented schema', () => {
  const ajv = new (Ajv as unknown as typeof Ajv.default)({ allErrors: true, strict: false, validateSchema: false });
  // Registered where the targets schema's relative reference points (beside it, under its $id).
  const { $id: _id, ...spec } = schema('compose-spec.json');
  ajv.addSchema(spec, 'https://github.com/dockpolicy/dockpolicy/blob/main/schemas/compose-spec.json');
  ajv.addSchema(schema('policy-targets.schema.json'), 'targets');
  const validService = ajv.getSchema('targets#/definitions/service')!;
  const validStage = ajv.getSchema('targets#/definitions/stage')!;

  it.each(['db-query-tool', 'emotion-visualizer', 'ichrisbirch', 'kidney-genetics', 'todo-chatbot'])('%s', async (seed) => {
    const dir = path.join(root, 'fixtures/seeds', seed);
    const { files } = await discover(['.'], { cwd: dir });
    const project = await loadProject(files, dir);
    expect(project.services.length).toBeGreaterThan(0);
    for (const service of project.services) {
      const shaped = serviceShape(service);
      expect(validService(shaped.value), `${service.name}: ${JSON.stringify(validService.errors)}`).toBe(true);
      if (service.dockerfile && service.stage) {
        const stage = stageShape(service.dockerfile, service.stage, true).value;
        expect(validStage(stage), `${service.name}: ${JSON.stringify(validStage.errors)}`).toBe(true);
      }
    }
  });

  it('scalars are typed as YAML types them, interpolated ones are strings', async () => {
    const dir = path.join(root, 'fixtures/seeds/emotion-visualizer');
    const { files } = await discover(['.'], { cwd: dir });
    const project = await loadProject(files, dir);
    const db = serviceShape(project.services.find((s) => s.name === 'db')!).value as { ports: unknown[]; healthcheck: { retries: unknown } };
    expect(db.ports[0]).toBe('5432:5432');
    expect(typeof db.healthcheck.retries).toBe('number');
  });
});
