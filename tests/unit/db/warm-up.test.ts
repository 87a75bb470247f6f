import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { warmUp } from '../../../src/lib/db/warm-up';

describe('warmUp', () => {
  it('runs its statements on sql.js and closes the database it made', async () => {
    const SQL = await initSqlJs();
    const made: { close(): void }[] = [];
    const Database = SQL.Database;
    // Watch the databases it opens, to see each one closed.
    const watched = Object.assign(Object.create(SQL) as typeof SQL, {
      Database: class extends Database {
        constructor(...args: ConstructorParameters<typeof Database>) {
          super(...args);
          made.push(this);
        }
      },
    });
    expect(() => warmUp(watched)).not.toThrow();
    expect(made).toHaveLength(1);
    expect(() => (made[0] as InstanceType<typeof Database>).exec('SELECT 1')).toThrow(/closed/i);
  });
});
