/**
 * The offline bundle: one archive of a built site for an intranet server without the build
 * tools, with the SHA-256 of every file in it and the nginx configuration it is served with.
 *
 *   gongkai-site-<stamp>/
 *     说明.txt            what the bundle is and how to install and verify it
 *     SHA256SUMS          every other file of the bundle (`sha256sum -c SHA256SUMS`)
 *     nginx/gongkai.conf  deploy/nginx/gongkai.conf, the template `npm run deploy:nginx` fills
 *     www/yjsgk/…         the site under its sub-path: `www/` is the configuration's SITE_ROOT
 *
 * The archive is deterministic (sorted entries, fixed times): the same site gives the same
 * bytes, so an unchanged site need not be shipped again. Its own SHA-256 goes beside it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sha256Hex, sha256Manifest } from '../../src/lib/export/manifest.ts';
import { normaliseBase } from './nginx-config.ts';
import { listFiles } from './run-build.ts';
import { tarArchive, type TarEntry } from './tar.ts';

export interface BundleOptions {
  /** The built site (built for `base`). */
  readonly siteDir: string;
  /** The sub-path the site was built for. */
  readonly base: string;
  /** The build stamp: it names the bundle. */
  readonly stamp: string;
  /** The nginx configuration template shipped with it. */
  readonly nginxTemplate: string;
}

export interface Bundle {
  /** `gongkai-site-<stamp>.tar.gz` */
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** `<hex>  <fileName>\n`, for `sha256sum -c`. */
  readonly checksum: string;
  readonly files: number;
}

export function readme(folder: string, base: string): string {
  const sub = base.split('/').filter(Boolean).join('/');
  const siteFolder = sub === '' ? 'www' : `www/${sub}`;
  return `部门预算公开网站离线包 ${folder}

本包是一个完整的静态网站，可在内网服务器上直接发布，不需要联网，也不需要安装构建工具。

1. 核对文件：在本目录运行
     sha256sum -c SHA256SUMS
   每个文件都应显示“成功”/“OK”。
2. 发布：把 www/ 复制到服务器，例如 /var/www/gongkai/，网站文件位于 ${siteFolder}/，
   访问路径为 ${base}。
3. 配置 nginx（Debian）：在已检出的 gongkai 仓库中运行
     npm run deploy:nginx -- --base ${base} --root /var/www/gongkai --listen 80 > /etc/nginx/conf.d/gongkai.conf
   或者手工把 nginx/gongkai.conf 中的 {{SITE_BASE}}、{{SITE_BASE_NO_SLASH}}、{{SITE_ROOT}}、{{LISTEN}}、{{SERVER_NAME}} 替换为实际值，
   然后运行 nginx -t && systemctl reload nginx。

An offline copy of the site: verify with \`sha256sum -c SHA256SUMS\`, copy www/ to the server
(the site is under ${siteFolder}/, served at ${base}), and install nginx/gongkai.conf filled in
with \`npm run deploy:nginx\`.
`;
}

export function buildBundle(options: BundleOptions): Bundle {
  const base = normaliseBase(options.base);
  const folder = `gongkai-site-${options.stamp}`;
  const siteFolder = ['www', ...base.split('/').filter(Boolean)].join('/');
  const siteFiles = listFiles(options.siteDir).map((path) => ({ path: `${siteFolder}/${path}`, bytes: readFileSync(join(options.siteDir, path)) }));
  const extras = [
    { path: '说明.txt', bytes: new TextEncoder().encode(readme(folder, base)) },
    { path: 'nginx/gongkai.conf', bytes: new TextEncoder().encode(options.nginxTemplate) },
  ];
  const contents = [...extras, ...siteFiles];
  const manifest = { path: 'SHA256SUMS', bytes: new TextEncoder().encode(sha256Manifest(contents)) };
  const files = [manifest, ...contents].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const folders = new Set<string>([`${folder}/`]);
  for (const file of files) {
    const segments = file.path.split('/');
    for (let i = 1; i < segments.length; i++) folders.add(`${folder}/${segments.slice(0, i).join('/')}/`);
  }
  const entries: TarEntry[] = [...[...folders].sort().map((path) => ({ path })), ...files.map((f) => ({ path: `${folder}/${f.path}`, bytes: f.bytes }))];
  // level 9 and no file name or time in the gzip header: the same input, the same bytes.
  const bytes = gzipSync(tarArchive(entries), { level: 9 });
  const fileName = `${folder}.tar.gz`;
  return { fileName, bytes, checksum: `${sha256Hex(bytes)}  ${fileName}\n`, files: files.length };
}
