// Which database the page's queries read as `rasd`: the published artifact (attached read-only over HTTP), or an
// in-memory database built from the analyst's local dataset (alone, or with the published rows) by the artifact
// build's own statements (src/lib/query/artifact-sql.ts). Every query names `rasd.<table>`, so every chart, filter,
// export and the rollup work on local data unchanged. When local data is shown, the artifact is attached as `pub`.
import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { ARTIFACT_ALIAS, INCIDENTS_TABLE } from '../data/artifact';
import type { DataChoice } from '../data/display';
import { INCIDENT_COLUMNS } from '../data/schema';
import { buildArtifactTables, type SqlRunner } from '../query/artifact-sql';
import { buildSearchIndex } from '../query/search-index';
import { takeBytes } from '../workspace/fresh-bytes';
import { LOCAL_CSV_FILE, localCsvSource } from '../workspace/local-sql';
import type { ArrowTableLike } from './arrow-result';
import { SearchIndexGate } from './search-gate';

/** Alias of the published artifact while `rasd` is the local build. */
const PUBLISHED_ALIAS = 'pub';

export interface LocalData {
	blob: Blob;
	fingerprint: string;
}

interface ArrowRows extends ArrowTableLike {
	toArray(): { toArray(): unknown[] }[];
}

/** The shared build's statements on a DuckDB-WASM connection ($n parameters through a prepared statement). */
export function wasmSqlRunner(conn: AsyncDuckDBConnection): SqlRunner {
	const exec = async (sql: string, params?: readonly unknown[]) => {
		const t = performance.now();
		try {
			return await execute(sql, params);
		} finally {
			performance.measure(`rasd:${sql.replace(/\s+/g, ' ').slice(0, 60)}`, { start: t });
		}
	};
	const execute = async (sql: string, params?: readonly unknown[]) => {
		if (!params?.length) return conn.query(sql);
		const stmt = await conn.prepare(sql);
		try {
			return await stmt.query(...params);
		} finally {
			await stmt.close();
		}
	};
	return {
		run: async (sql, params) => void (await exec(sql, params)),
		rows: async (sql, params) => ((await exec(sql, params)) as unknown as ArrowRows).toArray().map((r) => r.toArray().map((v) => (typeof v === 'bigint' ? Number(v) : v)))
	};
}

export class DataSwitcher {
	/** What `rasd` is now. */
	private rasd: 'artifact' | 'local' = 'artifact';
	private published = false;
	private home: string | null = null;
	/** A local build's search index, left for after its dashboard (the page asks for it: PageEngine.completeSearchIndex);
	 *  searches wait for it. */
	readonly searchIndex = new SearchIndexGate();

	constructor(
		private readonly db: AsyncDuckDB,
		private readonly conn: AsyncDuckDBConnection,
		/** Attaches the artifact under an alias (registering its URL afresh). */
		private readonly attachArtifact: (alias: string) => Promise<void>,
		/** Forgets statements prepared against the database being replaced. */
		private readonly forget: () => Promise<void>
	) {}

	/** The artifact is what `rasd` names (a failed read may reattach it then). */
	get showsArtifact(): boolean {
		return this.rasd === 'artifact';
	}

	async set(choice: DataChoice, local: LocalData | null): Promise<void> {
		await this.searchIndex.drop(new Error('the data changed before its search index was built'));
		await this.forget();
		// Each step's time is a performance measure (rasd:<sql start>), for the benchmark and the large-file test.
		const q = async (sql: string) => {
			const t = performance.now();
			try {
				return await this.conn.query(sql);
			} finally {
				performance.measure(`rasd:${sql.replace(/\s+/g, ' ').slice(0, 60)}`, { start: t });
			}
		};
		this.home ??= String(((await q('SELECT current_database() AS d')) as unknown as ArrowRows).toArray()[0].toArray()[0]);
		await q(`USE ${this.home}`);
		await q(`DETACH DATABASE IF EXISTS ${ARTIFACT_ALIAS}`);
		if (choice === 'published') {
			if (this.published) await q(`DETACH DATABASE IF EXISTS ${PUBLISHED_ALIAS}`);
			this.published = false;
			await this.attachArtifact(ARTIFACT_ALIAS);
			this.rasd = 'artifact';
			return;
		}
		if (!local) throw new Error('no local dataset in this browser');
		this.rasd = 'local';
		if (choice === 'both' && !this.published) {
			await this.attachArtifact(PUBLISHED_ALIAS);
			this.published = true;
		}
		await this.db.registerFileBuffer(LOCAL_CSV_FILE, await takeBytes(local.blob));
		try {
			const csv = localCsvSource();
			const columns = INCIDENT_COLUMNS.map((c) => `CAST(${c.name} AS ${c.type}) AS ${c.name}`).join(', ');
			await q('DROP TABLE IF EXISTS temp.local_rows');
			await q('DROP TABLE IF EXISTS temp.perpetrator_groups');
			await q(`CREATE TEMP TABLE local_rows AS SELECT * FROM ${csv}`);
			if (choice === 'both') {
				// A local row replaces the published row with its id (a re-imported event, a corrected draft).
				await q(
					`INSERT INTO temp.local_rows SELECT ${columns} FROM ${PUBLISHED_ALIAS}.${INCIDENTS_TABLE}
					 WHERE incident_id NOT IN (SELECT incident_id FROM temp.local_rows)`
				);
			}
			await q(`ATTACH ':memory:' AS ${ARTIFACT_ALIAS}`);
			await q(`USE ${ARTIFACT_ALIAS}`);
			await buildArtifactTables(wasmSqlRunner(this.conn), {
				source: 'temp.local_rows',
				label: 'the local dataset',
				sourceSha256: local.fingerprint,
				builtAt: new Date().toISOString(),
				allowMixed: choice === 'both',
				deferSearchIndex: true
			});
			this.searchIndex.defer(() => this.buildLocalSearchIndex());
		} finally {
			await q(`USE ${this.home}`).catch(() => undefined);
			await q('DROP TABLE IF EXISTS temp.local_rows').catch(() => undefined);
			await q('DROP TABLE IF EXISTS temp.perpetrator_groups').catch(() => undefined);
			await this.db.dropFile(LOCAL_CSV_FILE).catch(() => undefined);
		}
	}

	/** The local build's search index (in-memory layout), built by the shared statements into `rasd`. Dashboard
	 *  statements run between its statements: they name `rasd.<table>`, so the current database does not matter. */
	private async buildLocalSearchIndex(): Promise<void> {
		const runner = wasmSqlRunner(this.conn);
		await runner.run(`USE ${ARTIFACT_ALIAS}`);
		try {
			await buildSearchIndex(runner, 'memory');
		} finally {
			await runner.run(`USE ${this.home}`).catch(() => undefined);
		}
	}
}
