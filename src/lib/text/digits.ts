// Arabic spreadsheets write numbers and dates with Arabic-Indic (٠١٢...) or Persian (۰۱۲...) digits, and decimals
// with the Arabic decimal separator (٫). Parsers of numbers, codes and dates read them through this function; text
// fields keep their digits as written.

/** The text with Arabic-Indic and Persian (Extended Arabic-Indic) digits as ASCII, and ٫ as '.'. */
export function asciiDigits(text: string): string {
	return text.replace(/[\u0660-\u0669\u06F0-\u06F9\u066B]/g, (ch) => {
		const c = ch.charCodeAt(0);
		if (c === 0x066b) return '.';
		return String(c >= 0x06f0 ? c - 0x06f0 : c - 0x0660);
	});
}
