// The record splitter lives in src/lib/import (pure, shared with the page's import worker); re-exported here for
// the CLI's readers and tests.
export * from '../../src/lib/import/csv-records';
