/** Header carrying the signing time, `YYYYMMDDTHHMMSSZ` in UTC. */
export const X_SDK_DATE = 'X-Sdk-Date';
/** Header carrying a temporary credential's security token; it is signed like any other. */
export const X_SECURITY_TOKEN = 'X-Security-Token';
/** Header that, when set, replaces the body hash in the canonical request. */
export const X_SDK_CONTENT_SHA256 = 'X-Sdk-Content-Sha256';
/** Value of `X-Sdk-Content-Sha256` that signs a request without hashing its body. */
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
