#!/usr/bin/env node
import { runCli } from '../commands/cli-io.js';
import { specDiff } from '../commands/spec-diff.js';

runCli((args, io) => specDiff(args, io));
