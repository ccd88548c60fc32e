#!/usr/bin/env node
import { runCli } from '../commands/cli-io.js';
import { release } from '../commands/release.js';

runCli((args, io) => release(args, io));
