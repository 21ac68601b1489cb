// The e2e suites start whole applications, run migrations on MariaDB and drive Chromium; on a
// loaded two-core CI machine that takes longer than jest's 5 s default, and a timed-out beforeAll
// leaves an app running that the suite can no longer close.
jest.setTimeout(60_000);
