/**
 * The system programs the browser tests drive: Debian's Chromium and nginx. They come from the
 * distribution's packages, never from a download at test time; when one is missing the tests
 * stop at once and say which packages to install.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The sub-path the tests build and serve the site under, as an intranet portal would host it. */
export const E2E_SITE_BASE = '/yjsgk/';

/**
 * Where `npm run test:e2e` builds that site (under the git-ignored test-artifacts/): apart from
 * dist/, so the deployable build is not replaced by a sub-path build and no other build can
 * swap the files out from under the running server.
 */
export const E2E_SITE_DIR = 'test-artifacts/e2e-site';

/** Where the tests save screenshots. */
export const E2E_SCREENSHOT_DIR = 'test-artifacts/screenshots';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const INSTALL_HINT = 'sudo apt-get install chromium nginx';

/** Chromium's flags for a quiet, offline, sandbox-free headless run (CI containers run as root). */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface E2eTools {
  readonly chromium: string;
  readonly nginx: string;
}

const isExecutable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

export interface ToolLocations {
  readonly chromium: string;
  /** Searched before PATH: nginx lives in /usr/sbin, which is not on every user's PATH. */
  readonly nginxFolders: readonly string[];
}

export const DEBIAN_LOCATIONS: ToolLocations = { chromium: CHROMIUM_PATH, nginxFolders: ['/usr/sbin', '/usr/local/sbin'] };

/** The tools, or an error that names the missing ones and the command that installs them. */
export function findE2eTools(env: Readonly<Record<string, string | undefined>> = process.env, locations: ToolLocations = DEBIAN_LOCATIONS): E2eTools {
  const chromium = isExecutable(locations.chromium) ? locations.chromium : undefined;
  const folders = [...locations.nginxFolders, ...(env['PATH'] ?? '').split(delimiter).filter(Boolean)];
  const nginx = folders.map((folder) => join(folder, 'nginx')).find(isExecutable);
  if (chromium && nginx) return { chromium, nginx };
  const missing = [chromium ? undefined : `Chromium (${locations.chromium})`, nginx ? undefined : 'nginx'].filter(Boolean);
  throw new Error(
    `The browser tests need ${missing.join(' and ')}, from the Debian packages.\n` +
      `Install them with:\n  ${INSTALL_HINT}\n` +
      '(No browser is ever downloaded by the tests.)',
  );
}

/**
 * Whether fontconfig knows a Chinese font. Without one the tests still run, but screenshots and
 * PDFs show boxes and the phone layout is measured with fallback glyphs, so the runner warns.
 */
export function hasChineseFont(): boolean {
  const result = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() !== '';
}

export const CHINESE_FONT_HINT = 'sudo apt-get install fonts-wqy-microhei';
