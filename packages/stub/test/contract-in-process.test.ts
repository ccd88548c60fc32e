import { defineContractSuite } from './contract/define-contract-suite.js';
import { inProcessStub } from './support/subjects.js';

defineContractSuite('stub in-process', inProcessStub);
