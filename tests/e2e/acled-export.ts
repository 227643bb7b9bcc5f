// A synthetic ACLED export (the export tool's columns and date format) made from the demo generator, for the
// page's large-file test: never real rows. writeAcledExport(path, rows) writes it as a CSV.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { demoIncidents } from '../../src/lib/demo/generator';
import { csvLine } from '../../src/lib/export/csv';

const HEADER = ['event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type', 'actor1', 'inter1', 'actor2', 'inter2', 'civilian_targeting', 'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision', 'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const INTER2: Record<string, string> = { Military: '1', Police: '1', 'Private Citizens & Property': '7', 'Terrorists/Non-State Militia': '2' };

export async function writeAcledExport(path: string, rows: number, seed = 7): Promise<void> {
	const out = createWriteStream(path);
	out.write(csvLine(HEADER));
	let i = 0;
	for (const r of demoIncidents(seed, rows)) {
		i++;
		const [y, m, d] = r.event_date.split('-');
		const line = csvLine([
			`SYR${String(100000 + i)}`, `${d} ${MONTHS[Number(m) - 1]} ${y}`, y, '1', 'Political violence', r.event_type ?? 'Battles', r.sub_event_type ?? 'Armed clash',
			r.perpetrator ?? 'Unidentified Armed Group (Syria)', '2', r.target_actor ?? 'Civilians (Syria)', INTER2[r.target_type] ?? '7',
			r.target_type === 'Private Citizens & Property' ? 'Civilian targeting' : '', '760', 'Middle East', 'Syria', r.admin1 ?? '', r.admin2 ?? '', '',
			r.location ?? '', r.latitude ?? '', r.longitude ?? '', '1', r.source_name ?? 'Syrian Observatory for Human Rights', 'National', r.summary ?? '', r.killed ?? 0, '', '1700000000'
		]);
		if (!out.write(line)) await once(out, 'drain');
	}
	out.end();
	await once(out, 'finish');
}
