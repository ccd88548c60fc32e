// The Node.js entry (the package's `node` export condition): the same API, hashing with
// node:crypto instead of pure JavaScript. Signatures are byte-identical either way.
import { useDigest } from './digest.js';
import { nodeDigest } from './node-digest.js';

useDigest(nodeDigest);

export * from './index.js';
