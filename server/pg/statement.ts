/**
 * One SQL statement assembled from parts: data-modifying CTEs, each added only when it has rows, numbering
 * its parameters as they are added. PostgreSQL runs every data-modifying CTE exactly once, whether or not the
 * final SELECT reads it, so a transaction's writes to several tables cost one round trip. Runtime: any.
 */
export class Statement {
  readonly params: unknown[] = [];
  private readonly parts: string[] = [];

  /** `$n` for a new parameter. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  /** Adds `name AS (sql)`. */
  with(name: string, sql: string): this {
    this.parts.push(`${name} AS (${sql})`);
    return this;
  }

  /** The statement, ending in `final`. */
  text(final: string): string {
    return this.parts.length > 0 ? `WITH ${this.parts.join(',\n')}\n${final}` : final;
  }
}
