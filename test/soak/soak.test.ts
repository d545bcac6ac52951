/** The short soak CI runs: a few workstations and the simulator for a few seconds on PostgreSQL. */
import { describe, expect, it } from 'vitest';
import { testDrivers } from '../../server/src/db/testing';
import { formatReport, runSoak } from './soak';

const postgres = testDrivers().find((d) => d.name === 'postgres')!;

describe.skipIf(postgres.skip)(`short soak (${postgres.title})`, () => {
  it('keeps every invariant under concurrent workstations and partner/customer traffic', async () => {
    const report = await runSoak({ clients: 4, seconds: 10, adminUrl: process.env.TEST_DATABASE_URL! });
    console.log(formatReport(report));
    expect(report.problems.filter((p) => !p.startsWith('workstation'))).toEqual([]);
    expect(report.invariantsHeld).toBe(true);
    expect(report.applied).toBeGreaterThan(0);
  }, 240_000);
});
