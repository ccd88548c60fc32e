/**
 * The stub's default AK/SK pair: the public example credentials of Huawei Cloud's API signing guide.
 * They are not secret and grant nothing anywhere; never configure real credentials in a stub.
 */
export const DEFAULT_ACCESS_KEY = {
  accessKeyId: 'QTWAOYTTINDUT2QVKYUC',
  secretAccessKey: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc',
} as const;
