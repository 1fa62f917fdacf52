// The `yaml` package's node type tests, which are symbol checks: rules use these instead of importing `yaml` itself,
// so a run that checks only Dockerfiles never loads the YAML parser (start-up time of a pre-commit hook). The YAML
// side uses them too: in the bundle, a function imported from the (CommonJS) `yaml` package is reached through a
// getter at every call, and these run for every node the model and the rules look at.
import type { Alias, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

const NODE_TYPE = Symbol.for('yaml.node.type');
const MAP = Symbol.for('yaml.map');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const ALIAS = Symbol.for('yaml.alias');
const PAIR = Symbol.for('yaml.pair');
const typeOf = (node: unknown): unknown => (!!node && typeof node === 'object' ? (node as Record<symbol, unknown>)[NODE_TYPE] : undefined);
const is = (node: unknown, type: symbol) => !!node && typeof node === 'object' && (node as Record<symbol, unknown>)[NODE_TYPE] === type;

export const isMap = (node: unknown): node is YAMLMap => is(node, MAP);
export const isScalar = (node: unknown): node is Scalar => is(node, SCALAR);
export const isSeq = (node: unknown): node is YAMLSeq => is(node, SEQ);
export const isAlias = (node: unknown): node is Alias => is(node, ALIAS);
export const isPair = (node: unknown): node is Pair => is(node, PAIR);
export const isCollection = (node: unknown): node is YAMLMap | YAMLSeq => {
  const type = typeOf(node);
  return type === MAP || type === SEQ;
};
export const isNode = (node: unknown): node is Node => {
  const type = typeOf(node);
  return type === MAP || type === SEQ || type === SCALAR || type === ALIAS;
};
