import { defaultRegion, regionEndpoints } from './generated/regions.gen.js';

export { defaultRegion, regionEndpoints };

/** A region ID the spec lists an endpoint for. */
export type Region = keyof typeof regionEndpoints;

/** Every region ID the spec lists, sorted. */
export const regions = Object.keys(regionEndpoints) as readonly Region[];

/**
 * Whether `value` is a region the spec lists: the type guard for region IDs read at run time
 * (environment variables, configuration files).
 *
 * @example
 * ```ts
 * const region = process.env.HUAWEICLOUD_REGION ?? 'cn-north-4';
 * if (!isRegion(region)) throw new Error(`unsupported region ${region}`);
 * ```
 */
export function isRegion(value: string): value is Region {
  return Object.hasOwn(regionEndpoints, value);
}

/**
 * The ModelArts endpoint of a region: `https://modelarts.<region>.myhuaweicloud.com`, except
 * ap-southeast-1's `.cn` host, as the spec's `servers` say.
 *
 * @throws {RangeError} for a region the spec does not list (use `baseUrl` for other endpoints).
 * @example
 * ```ts
 * endpointOf('ap-southeast-1'); // 'https://modelarts.ap-southeast-1.myhuaweicloud.cn'
 * ```
 */
export function endpointOf(region: Region): string {
  if (!isRegion(region)) {
    throw new RangeError(
      `Unknown ModelArts region "${region}". Known regions: ${regions.join(', ')}. ` +
        'Pass baseUrl instead of region for an endpoint the spec does not list.',
    );
  }
  return regionEndpoints[region];
}
