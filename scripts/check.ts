/**
 * `npm run check`: validates the content folder (CONTENT_DIR, default ./content) and exits 1 on
 * any error. `--json` prints {findings, errors, warnings}. The logic is `runCheck` in src/lib/validate.
 * When the content has no errors, the compliance self-check of every disclosure follows
 * (src/lib/compliance: the same list as each disclosure's 公开自查 page); it informs, it does not
 * change the exit code.
 */
import { formatCompliance } from '../src/lib/compliance/compliance.ts';
import { complianceOf } from '../src/lib/compliance/site-compliance.ts';
import { contentDir } from '../src/lib/content/read-content-dir.ts';
import { t } from '../src/lib/i18n/strings.ts';
import { getSiteData } from '../src/lib/site/site-data.ts';
import { runCheck } from '../src/lib/validate/run-check.ts';

const args = process.argv.slice(2);
const { exitCode, output } = runCheck(args, process.env);
process.stdout.write(output);
if (exitCode === 0 && !args.includes('--json')) {
  const site = getSiteData(contentDir(process.env));
  const reports = site.entries.map((entry) =>
    formatCompliance(t('disclosure.title', { department: entry.disclosure.department.name, year: entry.disclosure.year }), complianceOf(site, entry)),
  );
  process.stdout.write(`\n${reports.join('\n\n')}\n`);
}
process.exitCode = exitCode;
