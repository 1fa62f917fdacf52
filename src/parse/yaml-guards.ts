// The `yaml` package's node type tests, which are symbol checks: rules use these instead of importing `yaml` itself,
// so a run that checks only Dockerfiles never loads the YAML parser (start-up time of a pre-commit hook).
import type { Node, Scalar, YAMLMap } from 'yaml';

const NODE_TYPE = Symbol.for('yaml.node.type');
const is = (node: unknown, type: string) => !!node && typeof node === 'object' && (node as Record<symbol, unknown>)[NODE_TYPE] === Symbol.for(type);

export const isMap = (node: unknown): node is YAMLMap => is(node, 'yaml.map');
export const isScalar = (node: unknown): node is Scalar => is(node, 'yaml.scalar');
