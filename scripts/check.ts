/**
 * `npm run check`: validates the content folder (CONTENT_DIR, default ./content) and exits 1 on
 * any error. `--json` prints {findings, errors, warnings}. The logic is `runCheck` in src/lib/validate.
 */
import { runCheck } from '../src/lib/validate/run-check.ts';

const { exitCode, output } = runCheck(process.argv.slice(2), process.env);
process.stdout.write(output);
process.exitCode = exitCode;
