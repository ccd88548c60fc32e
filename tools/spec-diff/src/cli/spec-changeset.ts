#!/usr/bin/env node
import { runCli } from '../commands/cli-io.js';
import { specChangeset } from '../commands/spec-changeset.js';

runCli((args, io) => specChangeset(args, io));
