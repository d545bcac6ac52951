export type Migration = {
  /** 1, 2, 3…: applied in order, each exactly once per database. */
  version: number;
  name: string;
  /** Run one by one, in order, inside the migration transaction. */
  statements: readonly string[];
};
