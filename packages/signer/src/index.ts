export {
  type AuthorizationFields,
  formatAuthorization,
  type ParsedAuthorization,
  parseAuthorization,
} from './authorization-header.js';
export {
  type CanonicalRequestInput,
  canonicalQueryString,
  canonicalRequest,
  canonicalUri,
} from './canonical-request.js';
export {
  UNSIGNED_PAYLOAD,
  X_SDK_CONTENT_SHA256,
  X_SDK_DATE,
  X_SECURITY_TOKEN,
} from './header-names.js';
export { formatSdkDate, parseSdkDate } from './sdk-date.js';
export {
  type Credentials,
  type SignOptions,
  type SignSyncOptions,
  signRequest,
  signRequestSync,
} from './sign-request.js';
export { ALGORITHM, stringToSign } from './string-to-sign.js';
export {
  DEFAULT_MAX_SKEW_MS,
  type SecretLookup,
  VERIFY_FAILURE_CODES,
  type VerifyFailure,
  type VerifyFailureCode,
  type VerifyOptions,
  type VerifyResult,
  type VerifySuccess,
  type VerifySyncOptions,
  verifyRequest,
  verifyRequestSync,
} from './verify-request.js';
