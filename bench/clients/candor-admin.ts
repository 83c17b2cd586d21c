/** The admin every bench Candor is bootstrapped with; the load generators log in as it. */
export const BENCH_ADMIN = { email: 'bench-admin@example.test', password: 'bench-admin-password' };
