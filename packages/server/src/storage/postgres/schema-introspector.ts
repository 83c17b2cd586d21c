/**
 * Kysely's PostgreSQL introspector reads every schema of the database, resolving each by name; a schema
 * that another user of the database drops during that read fails it ("schema t_x does not exist"). Its
 * Migrator runs that read on every start, so a node could fail to start because of someone else's
 * cleanup (seen in CI, where test runs drop their schemas all the time). This one reads only our schema.
 */
import {
  PostgresDialect,
  sql,
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type DatabaseMetadataOptions,
  type Kysely,
  type PostgresDialectConfig,
  type SchemaMetadata,
  type TableMetadata,
} from 'kysely';

const KYSELY_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

interface ColumnRow {
  table_name: string;
  table_type: string;
  column_name: string;
  udt_name: string;
  udt_schema: string;
  is_nullable: string;
  column_default: string | null;
  is_identity: string;
}

export class SchemaIntrospector implements DatabaseIntrospector {
  constructor(
    private readonly db: Kysely<unknown>,
    private readonly schema: string,
  ) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const { rows } = await sql<{ nspname: string }>`select nspname from pg_catalog.pg_namespace`.execute(
      this.db,
    );
    return rows.map((r) => ({ name: r.nspname }));
  }

  async getTables(
    options: DatabaseMetadataOptions = { withInternalKyselyTables: false },
  ): Promise<TableMetadata[]> {
    const { rows } = await sql<ColumnRow>`
      select c.table_name, t.table_type, c.column_name, c.udt_name, c.udt_schema, c.is_nullable,
             c.column_default, c.is_identity
        from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
       where c.table_schema = ${this.schema}
       order by c.table_name, c.ordinal_position`.execute(this.db);
    const tables = new Map<string, TableMetadata>();
    for (const r of rows) {
      if (!options.withInternalKyselyTables && KYSELY_TABLES.has(r.table_name)) continue;
      let table = tables.get(r.table_name);
      if (!table) {
        table = { name: r.table_name, schema: this.schema, isView: r.table_type === 'VIEW', columns: [] };
        tables.set(r.table_name, table);
      }
      table.columns.push({
        name: r.column_name,
        dataType: r.udt_name,
        dataTypeSchema: r.udt_schema,
        isNullable: r.is_nullable === 'YES',
        isAutoIncrementing: r.is_identity === 'YES' || (r.column_default ?? '').startsWith('nextval('),
        hasDefaultValue: r.column_default !== null || r.is_identity === 'YES',
      });
    }
    return [...tables.values()];
  }

  async getMetadata(options?: DatabaseMetadataOptions): Promise<DatabaseMetadata> {
    return { tables: await this.getTables(options) };
  }
}

/** PostgreSQL as Kysely speaks it, introspecting one schema only. */
export class OneSchemaPostgresDialect extends PostgresDialect {
  constructor(
    config: PostgresDialectConfig,
    private readonly schema: string,
  ) {
    super(config);
  }

  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SchemaIntrospector(db, this.schema);
  }
}
