// How `npm start` stands for its server child: it passes on the signals that stop the server and
// exits as the child did, so a supervisor watching `npm start` sees a crash as a crash.
import { constants } from 'node:os';

/**
 * The status to exit with for a child that ended with `code` or was killed by `signal`: its own code,
 * or 128 + the signal's number, as shells report it. A stop passed on by the parent (SIGINT, SIGTERM)
 * ends with the child's own 0 once it has drained; a child killed by a signal did not stop cleanly,
 * whoever sent the signal (the kernel's OOM killer, `kill -9`, a second Ctrl-C).
 */
export function exitStatus(code, signal) {
  if (code !== null) return code;
  const number = signal ? constants.signals[signal] : undefined;
  return number === undefined ? 1 : 128 + number;
}

/** Passes SIGINT and SIGTERM on to `child`, and exits with its status when it ends. */
export function superviseChild(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(exitStatus(code, signal)));
}
