// The gitops golden files live in testdata/ beside this file.
import { join } from 'node:path';
import { expectGoldenFile } from '../../support/goldenFile';

export const expectGolden = (name: string, actual: string): void => expectGoldenFile(join(__dirname, 'testdata'), name, actual);
