// Two sizes of every benchmark. "full" (`npm run bench`) gives the figures the README reports;
// "smoke" (`npm run bench -- --smoke`, or BENCH_SIZE=smoke; run by `npm test`) runs each one to
// its end on a few rows in seconds, so that a benchmark broken by a change fails CI.
const smoke = process.env.BENCH_SIZE === 'smoke' || process.argv.includes('--smoke');

export const benchSize = smoke ? 'smoke' : 'full';

export const size = smoke
  ? { queueApplications: 1_000, escalationApplications: 1_000, dashboardOrganisation: 300, dashboardAll: 1_000, trackingApplications: 50, rounds: 3, warmUp: 1, loadSeconds: 1 }
  : {
      // QUEUE_APPLICATIONS=100000 for a quicker full run.
      queueApplications: Number(process.env.QUEUE_APPLICATIONS ?? 1_000_000),
      // ESCALATION_APPLICATIONS=100000 for a quicker full run.
      escalationApplications: Number(process.env.ESCALATION_APPLICATIONS ?? 1_000_000),
      dashboardOrganisation: 5_000,
      dashboardAll: 100_000,
      trackingApplications: 1_000,
      rounds: 100,
      warmUp: 5,
      loadSeconds: 10,
    };
