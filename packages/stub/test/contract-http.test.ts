import { defineContractSuite } from './contract/define-contract-suite.js';
import { httpStub } from './support/subjects.js';

defineContractSuite('stub over HTTP', httpStub);
