// The CSV decoder lives in src/lib/import/decode.ts (pure, shared with the page's import worker; csv-table.ts feeds
// it the file's chunks); re-exported here for the CLI and its tests.
export { canonicalEncoding, ChunkDecoder, countBreaks, DecodeError, describeEncoding, looksLikeWindows1256, type TextEncodingInfo } from '../../src/lib/import/decode';
