/**
 * `npm run import -- <file> --region <code> --year <yyyy> [--department <code>] [--template <id>]
 * [--phase budget|final] [--content <dir>] [--force]`: writes one disclosure's content from a
 * finance-system export, proves the round trip, then runs the build's checks. The logic is
 * `runImport` in src/lib/import/run-import.ts.
 */
import { runImport } from '../src/lib/import/run-import.ts';

const { exitCode, output } = await runImport(process.argv.slice(2), process.env, (line) => {
  if (process.stderr.isTTY && !process.env['CI']) process.stderr.write(`${line}\n`);
});
process.stdout.write(output);
process.exitCode = exitCode;
