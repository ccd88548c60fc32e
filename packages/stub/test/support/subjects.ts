import { createStub } from '../../src/index.js';
import { serve } from '../../src/node.js';
import { type SubjectFactory, stubAdmin } from './subject.js';

/** The stub answering in-process through `stub.fetch`, at a real-looking base URL. */
export const inProcessStub: SubjectFactory = async (config = {}) => {
  const stub = createStub(config.tokens ? { tokens: config.tokens } : {});
  const baseUrl = 'https://modelarts.cn-north-4.myhuaweicloud.com';
  return {
    name: 'stub in-process',
    baseUrl,
    fetch: stub.fetch,
    admin: stubAdmin(stub.fetch, baseUrl),
    close: async () => {},
  };
};

/** The stub over HTTP on an ephemeral port of 127.0.0.1, reached with the real fetch. */
export const httpStub: SubjectFactory = async (config = {}) => {
  const served = await serve({
    port: 0,
    host: '127.0.0.1',
    ...(config.tokens ? { tokens: config.tokens } : {}),
    ...(config.adminToken ? { adminToken: config.adminToken } : {}),
  });
  const fetch = (input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init);
  return {
    name: config.adminToken ? 'stub over HTTP, admin API guarded' : 'stub over HTTP',
    baseUrl: served.url,
    fetch,
    admin: stubAdmin(fetch, served.url, config.adminToken),
    close: () => served.close(),
  };
};

/** The stub over HTTP with its admin API guarded by a token (`--admin-token`), which `admin` sends. */
export const guardedHttpStub: SubjectFactory = (config = {}) =>
  httpStub({ ...config, adminToken: 'contract-admin-token' });
