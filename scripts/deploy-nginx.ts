/**
 * `npm run deploy:nginx -- --base /yjsgk/ --root /var/www/gongkai [--listen 80] [--server-name _]`
 *
 * Prints deploy/nginx/gongkai.conf filled in for one server, for /etc/nginx/conf.d/. `--base`
 * defaults to $SITE_BASE (the sub-path the site was built for); `--root` is the folder holding
 * the site under that sub-path (the offline bundle's www/ folder).
 */
import { parseArgs } from 'node:util';
import { readNginxTemplate, renderNginxConfig } from './lib/nginx-config.ts';

try {
  const { values } = parseArgs({
    options: {
      base: { type: 'string', default: process.env['SITE_BASE'] || '/' },
      root: { type: 'string' },
      listen: { type: 'string', default: '80' },
      'server-name': { type: 'string', default: '_' },
    },
  });
  if (values.root === undefined) throw new Error('deploy:nginx: --root <folder holding the site under its sub-path> is required');
  process.stdout.write(
    renderNginxConfig(readNginxTemplate(), { base: values.base, root: values.root, listen: values.listen, serverName: values['server-name'] }),
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
