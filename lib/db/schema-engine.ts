// Prisma's own schema engine, compiled to WebAssembly. The CLI's native engine is a download
// this network cannot reach (see ../shared/ENVIRONMENT.md), so migrations go through this.
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

export const prismaDir = path.resolve(import.meta.dirname, '../../prisma');
export const schemaPath = path.join(prismaDir, 'schema.prisma');
export const migrationsDir = path.join(prismaDir, 'migrations');
/** The schema text the last migration was written from; `npm run db:migration` diffs against it. */
export const snapshotPath = path.join(migrationsDir, 'schema.snapshot.prisma');
const noFilters = { externalTables: [], externalEnums: [] };

let wasmReady: Promise<void> | undefined;
function loadWasm(): Promise<void> {
  wasmReady ??= (async () => {
    // The package exports its JS glue, not the .wasm file: find the file beside the glue.
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg')), 'schema_engine_bg.wasm');
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmReady;
}

export type SchemaEngine = bg.SchemaEngine;

/**
 * adapter-pg runs a migration script by splitting it on every ';', which breaks function
 * bodies (`$$ ... ; ... $$`). PostgreSQL's simple query protocol takes the whole script in one
 * round trip and runs it as one implicit transaction, as `psql -1 -f` would.
 */
class WholeScriptPg extends PrismaPg {
  constructor(private readonly pool: pg.Pool) {
    super(pool);
  }

  override async connect() {
    const adapter = await super.connect();
    adapter.executeScript = async (script: string) => {
      try {
        await this.pool.query(script);
      } catch (error) {
        (adapter as unknown as { onError(error: unknown): never }).onError(error);
      }
    };
    return adapter;
  }
}

/** Runs `work` with an engine connected to `databaseUrl`, then frees the engine and its pool. */
export async function withSchemaEngine<T>(
  databaseUrl: string,
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadWasm();
  const datamodel = await readFile(schemaPath, 'utf8');
  // A pool object (not a connection string) so the adapter cannot point a shadow database
  // at the main one; we never use a shadow database.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const adapter = bindMigrationAwareSqlAdapterFactory(new WholeScriptPg(pool));
  const engine = await bg.SchemaEngine.new(
    { datamodels: [[schemaPath, datamodel]] },
    () => {},
    adapter,
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
    await pool.end();
  }
}

/**
 * The SQL that takes a database from the `from` schema text (or nothing) to the `to` text.
 * The diff reads no database, but the engine connects to one when it starts.
 */
export function diffSchemas(databaseUrl: string, from: string | null, to: string): Promise<string> {
  return withSchemaEngine(databaseUrl, async (engine) => {
    const file = (content: string) => ({ tag: 'schemaDatamodel' as const, files: [{ path: schemaPath, content }] });
    const result = await engine.diff({
      from: from === null ? { tag: 'empty' } : file(from),
      to: file(to),
      script: true,
      exitCode: null,
      filters: noFilters,
    } as bg.DiffParams);
    return result.stdout ?? '';
  });
}

/** The names of the project's migrations, oldest first. */
export async function migrationNames(): Promise<string[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

async function migrationsList(only?: string[]) {
  const names = (await migrationNames()).filter((name) => !only || only.includes(name));
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok' as const, value: await readFile(path.join(migrationsDir, name, 'migration.sql'), 'utf8') },
      },
    })),
  );
  const lockPath = path.join(migrationsDir, 'migration_lock.toml');
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: await readFile(lockPath, 'utf8') },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

/**
 * Applies pending migrations exactly as `prisma migrate deploy` would; returns their names.
 * `only` stops at the named ones (a restore recreates the schema its backup was taken under).
 */
export async function applyMigrations(databaseUrl: string, only?: string[]): Promise<string[]> {
  const list = await migrationsList(only);
  return withSchemaEngine(databaseUrl, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList: list, filters: noFilters } as bg.ApplyMigrationsInput);
    return result.appliedMigrationNames;
  });
}
