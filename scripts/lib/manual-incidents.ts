// Reads data/manual/*.csv: incidents hand-coded from news reports. Every record is checked field by field first, so
// that a bad row fails the build with the file and line that hold it; then DuckDB reads the file with the schema's
// column types in strict mode, which is what goes into the dataset.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { districtByPcode, lookupSyriaDistrict } from '../../src/lib/data/districts';
import { lookupSyriaGovernorate, SYRIA_PCODES } from '../../src/lib/data/gazetteer';
import { INCIDENT_COLUMNS, INCIDENT_COLUMN_NAMES, type Incident } from '../../src/lib/data/schema';
import { ACLED_EVENT_TYPES, ATTACK_TYPES, DATE_PRECISIONS, GEO_PRECISIONS, TARGET_TYPES } from '../../src/lib/data/taxonomy';

export class ManualDataError extends Error {
	override name = 'ManualDataError';
}

export interface CsvRecord {
	/** 1-based line on which the record starts. */
	line: number;
	fields: string[];
}

/** RFC 4180 records with the line each starts on (quoted fields may span lines, so line != index + 1). */
export function parseCsvRecords(text: string): CsvRecord[] {
	const records: CsvRecord[] = [];
	let fields: string[] = [];
	let field = '';
	let quoted = false;
	let line = 1;
	let start = 1;
	let atRecordStart = true;
	for (let k = 0; k < text.length; k++) {
		const ch = text[k];
		if (atRecordStart) {
			start = line;
			atRecordStart = false;
		}
		if (quoted) {
			if (ch === '"') {
				if (text[k + 1] === '"') {
					field += '"';
					k++;
				} else quoted = false;
			} else {
				if (ch === '\n') line++;
				field += ch;
			}
		} else if (ch === '"') quoted = true;
		else if (ch === ',') {
			fields.push(field);
			field = '';
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && text[k + 1] === '\n') k++;
			fields.push(field);
			records.push({ line: start, fields });
			fields = [];
			field = '';
			line++;
			atRecordStart = true;
		} else field += ch;
	}
	if (quoted) throw new ManualDataError(`line ${start}: unterminated quoted field`);
	if (!atRecordStart) {
		fields.push(field);
		records.push({ line: start, fields });
	}
	// Blank lines are not records.
	return records.filter((r) => !(r.fields.length === 1 && r.fields[0] === ''));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const isRealDate = (s: string) => {
	const m = ISO_DATE.exec(s);
	if (!m) return false;
	const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
	return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
};
const oneOf = (values: readonly string[], v: string) => values.includes(v);

/** Problems with one record (field values as text, '' = null); empty when it is valid. */
export function validateManualRecord(row: Record<string, string>): string[] {
	const problems: string[] = [];
	const bad = (field: string, why: string) => problems.push(`${field} ${why}, got ${JSON.stringify(row[field])}`);
	for (const c of INCIDENT_COLUMNS) if (c.notNull && row[c.name] === '') problems.push(`${c.name} is required`);
	if (row.source_dataset !== 'manual') bad('source_dataset', "must be 'manual'");
	if (!/^[a-z0-9][a-z0-9._-]*$/.test(row.source_record_id)) bad('source_record_id', 'must be lower-case letters, digits, ".", "_" or "-"');
	if (row.incident_id !== `manual:${row.source_record_id}`) bad('incident_id', `must be "manual:" + source_record_id`);
	if (row.event_date && !isRealDate(row.event_date)) bad('event_date', 'must be a real date YYYY-MM-DD');
	if (row.date_precision && !oneOf(DATE_PRECISIONS, row.date_precision)) bad('date_precision', `must be one of ${DATE_PRECISIONS.join(', ')}`);
	if (row.date_precision === 'month' && !row.event_date.endsWith('-01')) bad('event_date', 'must be the first of the month when date_precision is month');
	if (row.date_precision === 'year' && !row.event_date.endsWith('-01-01')) bad('event_date', 'must be 1 January when date_precision is year');
	if (row.date_end) {
		if (!isRealDate(row.date_end)) bad('date_end', 'must be a real date YYYY-MM-DD or empty');
		else if (row.date_end < row.event_date) bad('date_end', `must not be before event_date ${row.event_date}`);
	}
	if (row.country_iso3 && !/^[A-Z]{3}$/.test(row.country_iso3)) bad('country_iso3', 'must be three capital letters (ISO 3166-1 alpha-3)');
	if (row.admin1_pcode) {
		if (!oneOf(SYRIA_PCODES, row.admin1_pcode)) bad('admin1_pcode', `must be an OCHA p-code ${SYRIA_PCODES[0]}..${SYRIA_PCODES.at(-1)}`);
		else if (row.country_iso3 !== 'SYR') bad('country_iso3', `must be SYR for p-code ${row.admin1_pcode}`);
		else if (lookupSyriaGovernorate(row.admin1)?.pcode !== row.admin1_pcode) bad('admin1', `does not name the governorate of p-code ${row.admin1_pcode}`);
	} else if (row.country_iso3 === 'SYR' && row.admin1) bad('admin1_pcode', `is required for a Syrian admin1 (${row.admin1})`);
	if (row.admin2_pcode) {
		const d = districtByPcode(row.admin2_pcode);
		if (!d) bad('admin2_pcode', 'must be an OCHA district p-code (SY0100..SY1402)');
		else if (d.admin1Pcode !== row.admin1_pcode) bad('admin2_pcode', `is a district of ${d.admin1Pcode}, not of admin1_pcode ${JSON.stringify(row.admin1_pcode)}`);
		else if (lookupSyriaDistrict(row.admin2, d.admin1Pcode)?.pcode !== d.pcode) bad('admin2', `does not name the district of p-code ${d.pcode} (${d.en})`);
	} else if (row.country_iso3 === 'SYR' && row.admin2 && lookupSyriaDistrict(row.admin2, row.admin1_pcode || null)) {
		// A district the table knows must carry its p-code, or filters by district would miss the row.
		bad('admin2_pcode', `is required for the Syrian district ${row.admin2}`);
	}
	const hasLat = row.latitude !== '';
	if (hasLat !== (row.longitude !== '')) problems.push('latitude and longitude must both be given or both be empty');
	if (hasLat && !(Number.isFinite(Number(row.latitude)) && Math.abs(Number(row.latitude)) <= 90)) bad('latitude', 'must be a number in -90..90');
	if (row.longitude && !(Number.isFinite(Number(row.longitude)) && Math.abs(Number(row.longitude)) <= 180)) bad('longitude', 'must be a number in -180..180');
	if (row.geo_precision && !oneOf(GEO_PRECISIONS, row.geo_precision)) bad('geo_precision', `must be one of ${GEO_PRECISIONS.join(', ')}`);
	if (row.event_type && !oneOf(ACLED_EVENT_TYPES, row.event_type)) bad('event_type', 'must be an ACLED event type or empty');
	if (row.attack_type && !oneOf(ATTACK_TYPES, row.attack_type)) bad('attack_type', 'must be a GTD attack type label or empty');
	if (row.target_type && !oneOf(TARGET_TYPES, row.target_type)) bad('target_type', 'must be a GTD target type label');
	for (const field of ['killed', 'killed_low', 'killed_high', 'injured']) {
		const v = row[field];
		if (v !== '' && !(/^\d+$/.test(v) && Number(v) <= 2_147_483_647)) bad(field, 'must be a whole number >= 0, or empty when unknown');
	}
	const [low, best, high] = [row.killed_low, row.killed, row.killed_high].map((v) => (/^\d+$/.test(v) ? Number(v) : null));
	if (low !== null && high !== null && low > high) bad('killed_low', `must not exceed killed_high ${high}`);
	if (best !== null && ((low !== null && low > best) || (high !== null && high < best))) bad('killed', 'must lie between killed_low and killed_high');
	if (row.source_url && !/^https?:\/\/\S+$/.test(row.source_url)) bad('source_url', 'must be an http(s) URL or empty');
	if (!row.source_name) problems.push('source_name is required for a hand-coded incident');
	return problems;
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
const typedColumns = `{${INCIDENT_COLUMNS.map((c) => `${sqlString(c.name)}: ${sqlString(c.type)}`).join(', ')}}`;

/** Checks one manual CSV and returns its records as text (for messages) with their lines; throws ManualDataError. */
export function checkManualCsv(file: string, label = file): { line: number; id: string }[] {
	const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
	let records: CsvRecord[];
	try {
		records = parseCsvRecords(text);
	} catch (error) {
		throw new ManualDataError(`${label}: ${(error as Error).message}`);
	}
	const [header, ...rows] = records;
	if (!header || header.fields.join(',') !== INCIDENT_COLUMN_NAMES.join(',')) {
		throw new ManualDataError(
			`${label} line 1: the header must be exactly the schema columns:\n  ${INCIDENT_COLUMN_NAMES.join(',')}\ngot:\n  ${header?.fields.join(',') ?? '(empty file)'}`
		);
	}
	const errors: string[] = [];
	for (const r of rows) {
		if (r.fields.length !== INCIDENT_COLUMN_NAMES.length) {
			errors.push(`${label} line ${r.line}: ${r.fields.length} fields, expected ${INCIDENT_COLUMN_NAMES.length}`);
			continue;
		}
		const row = Object.fromEntries(INCIDENT_COLUMN_NAMES.map((name, k) => [name, r.fields[k]]));
		for (const p of validateManualRecord(row)) errors.push(`${label} line ${r.line}: ${p}`);
	}
	if (errors.length > 0) throw new ManualDataError(`bad manual incident(s):\n${errors.join('\n')}`);
	return rows.map((r) => ({ line: r.line, id: r.fields[0] }));
}

/** The manual CSV files of a folder, sorted by name (a stable build order). */
export function manualCsvFiles(dir: string): string[] {
	return readdirSync(dir)
		.filter((f) => f.toLowerCase().endsWith('.csv'))
		.sort()
		.map((f) => join(dir, f));
}

/** Every incident in `dir`/*.csv, validated; ids must be unique across files. */
export async function readManualIncidents(dir: string): Promise<{ incidents: Incident[]; files: string[] }> {
	const files = manualCsvFiles(dir);
	const seen = new Map<string, string>();
	const checked = files.map((file) => {
		const label = relative(process.cwd(), resolve(file)) || basename(file);
		const rows = checkManualCsv(file, label);
		for (const { line, id } of rows) {
			const where = `${label} line ${line}`;
			if (seen.has(id)) throw new ManualDataError(`${where}: incident_id ${id} is already used at ${seen.get(id)}`);
			seen.set(id, where);
		}
		return { file, label, count: rows.length };
	});

	const instance = await DuckDBInstance.create(':memory:');
	const conn = await instance.connect();
	try {
		const incidents: Incident[] = [];
		for (const { file, label, count } of checked) {
			let rows: Incident[];
			try {
				const reader = await conn.runAndReadAll(
					`SELECT * REPLACE (strftime(event_date, '%Y-%m-%d') AS event_date, strftime(date_end, '%Y-%m-%d') AS date_end)
					 FROM read_csv($1, header = true, columns = ${typedColumns}, auto_detect = false, delim = ',', quote = '"',
						escape = '"', nullstr = '', strict_mode = true, parallel = false)`,
					[file]
				);
				rows = reader.getRowObjectsJS() as unknown as Incident[];
			} catch (error) {
				throw new ManualDataError(`${label}: DuckDB could not read it with the schema's types: ${(error as Error).message}`);
			}
			// The line-checked parse and DuckDB's must agree, or the line numbers above would mean nothing.
			if (rows.length !== count) throw new ManualDataError(`${label}: DuckDB read ${rows.length} records, the CSV check ${count}`);
			incidents.push(...rows);
		}
		return { incidents, files };
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}
