import { defineContractSuite } from './contract/define-contract-suite.js';
import { guardedHttpStub } from './support/subjects.js';

// The same contract with the admin API guarded (`--admin-token`): the API answers alike, and every
// admin control the suite uses works with the token.
defineContractSuite('stub over HTTP, admin API guarded', guardedHttpStub);
