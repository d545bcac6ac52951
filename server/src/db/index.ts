export * from './database';
export { ADVISORY_LOCKS } from './advisory-locks';
export { DataDirInUseError } from './data-dir-lock';
export { migrate, MigrationError, type MigrationReport } from './migrate';
export { MIGRATIONS, type Migration } from './migrations';
export { databaseOptionsFrom, openDatabase, type DatabaseOptions } from './open';
