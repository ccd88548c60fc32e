/**
 * Test vectors from huawei-api-facts.md §3.4: the official documentation example and the vector
 * derived for the ModelArts endpoint with the official SDK signer.
 */
export const DOC_CREDENTIALS = {
  accessKeyId: 'QTWAOYTTINDUT2QVKYUC',
  secretAccessKey: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc',
};

export const DOC_VECTOR = {
  url: 'https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
  headers: { 'Content-Type': 'application/json' },
  date: new Date('2019-11-15T03:36:55Z'),
  sdkDate: '20191115T033655Z',
  canonicalRequestSha256: 'b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a',
  authorization:
    'SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe',
};

export const MODELARTS_VECTOR = {
  url: 'https://modelarts.cn-north-4.myhuaweicloud.com/v1/0123456789abcdef0123456789abcdef/dev-servers/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f/operation/op-0001',
  headers: {
    'content-type': 'application/json',
    'X-Project-Id': '0123456789abcdef0123456789abcdef',
  },
  date: new Date('2025-01-01T00:00:00Z'),
  sdkDate: '20250101T000000Z',
  canonicalRequestSha256: '2451afed127889acc666cd084b76d007a3f6159b5be67639571c903b2411929a',
  authorization:
    'SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=1b95a75c745d09df52bfc8b27973ffb1fa990486f242d1026fc5a52a3ccdc0a8',
};
