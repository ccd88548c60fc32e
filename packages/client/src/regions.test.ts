import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { defaultRegion, endpointOf, isRegion, regionEndpoints, regions } from './index.js';

const spec = JSON.parse(
  await readFile(new URL(import.meta.resolve('@modelarts-lite/spec/openapi.json')), 'utf8'),
);

describe('regions', () => {
  it("lists exactly the spec's regions: the templated server's enum plus x-region servers", () => {
    const templated = spec.servers.find((s: any) => s.variables?.region);
    const explicit = spec.servers.filter((s: any) => s['x-region']).map((s: any) => s['x-region']);
    const expected = [...templated.variables.region.enum, ...explicit].sort();
    expect([...regions].sort()).toEqual(expected);
    expect(regions).toHaveLength(22);
    expect(defaultRegion).toBe(templated.variables.region.default);
  });

  it('gives every region the .com host but ap-southeast-1 the .cn host', () => {
    for (const region of regions) {
      const host = region === 'ap-southeast-1' ? 'myhuaweicloud.cn' : 'myhuaweicloud.com';
      expect(endpointOf(region)).toBe(`https://modelarts.${region}.${host}`);
    }
    expect(regionEndpoints['ap-southeast-1']).toBe(
      'https://modelarts.ap-southeast-1.myhuaweicloud.cn',
    );
  });

  it('tells known regions from others', () => {
    expect(isRegion('cn-north-4')).toBe(true);
    expect(isRegion('us-east-1')).toBe(false);
    expect(isRegion('toString')).toBe(false);
  });

  it('rejects an unknown region naming the known ones', () => {
    expect(() => endpointOf('us-east-1' as never)).toThrow(RangeError);
    expect(() => endpointOf('us-east-1' as never)).toThrow(/"us-east-1".*ap-southeast-1.*baseUrl/);
  });
});
