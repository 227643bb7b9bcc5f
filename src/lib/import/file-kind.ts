// What a file's first bytes say it is (gzip, zip, an old Excel file), and the messages for containers the importer
// does not read, shared by the CLI (scripts/lib/read-table.ts) and the page's import worker (workspace/local-table.ts).

export const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
export const GZIP_MAGIC = [0x1f, 0x8b];
/** OLE2 compound file: Excel 97-2003 .xls, and also every password-protected .xlsx. */
export const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
export const startsWith = (buf: Uint8Array, sig: readonly number[]) => buf.length >= sig.length && sig.every((b, i) => buf[i] === b);

export const LEGACY_XLS =
	'is an Excel 97-2003 workbook (.xls) or a password-protected .xlsx (both are OLE2 files): open it in Excel or ' +
	'LibreOffice and save it as .xlsx without a password, or as CSV UTF-8';

export const NOT_A_WORKBOOK = 'is not an xlsx workbook: not a zip archive (is it a CSV, or an old .xls file?)';

/** What non-text bytes at the start of a "CSV" really are, for a message that names the real problem. */
export function binaryKind(head: Uint8Array, where: string): string | null {
	if (startsWith(head, GZIP_MAGIC)) return `holds another gzip file ${where}: decompress it once (gunzip) and import the result`;
	if (startsWith(head, ZIP_MAGIC)) return `holds a zip archive ${where}: extract it and import the CSV it contains`;
	if (startsWith(head, OLE2_MAGIC)) return `holds an Excel 97-2003 workbook (.xls) ${where}: save it as .xlsx or CSV UTF-8`;
	return null;
}

/** The refusal of an xlsx that failed the archive checks (zip-archive.ts, xlsx-scan.ts), after the file name. */
export const xlsxProblem = (kind: 'unreadable' | 'refused' | 'other', message: string): string =>
	kind === 'unreadable'
		? `is not a readable xlsx workbook (${message})`
		: kind === 'refused'
			? `is refused as a possible zip bomb: ${message}; nothing was imported`
			: `cannot be read (${message})`;
