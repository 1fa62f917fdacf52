import type { SourceRef } from './location.js';
import type { LinkedService } from './project.js';
import { effectiveHealthcheck } from './stage.js';

/**
 * Whether a service has a working healthcheck, from its compose `healthcheck:` or the HEALTHCHECK its built stage
 * has or inherits. `why` says what switched it off, and `at` where that was written.
 */
export type Health =
  | { state: 'yes' }
  | { state: 'unknown' }
  | { state: 'no'; why: 'disabled' | 'test-none' | 'dockerfile-none' | 'missing'; at: SourceRef };

export function healthOf(service: LinkedService): Health {
  const hc = service.healthcheck;
  if (hc?.disabledAt) return { state: 'no', why: 'disabled', at: hc.disabledAt };
  if (hc?.test) {
    return hc.test.value[0]?.toUpperCase() === 'NONE' ? { state: 'no', why: 'test-none', at: hc.test.at } : { state: 'yes' };
  }
  if (service.dockerfile && service.stage) {
    const fromImage = effectiveHealthcheck(service.dockerfile, service.stage);
    if (fromImage?.value === 'CMD') return { state: 'yes' };
    if (fromImage) return { state: 'no', why: 'dockerfile-none', at: fromImage.at };
    return { state: 'no', why: 'missing', at: service.at };
  }
  // A build we could not follow (missing Dockerfile, unresolved target) may well define one.
  if (service.build) return { state: 'unknown' };
  return { state: 'no', why: 'missing', at: service.at };
}
