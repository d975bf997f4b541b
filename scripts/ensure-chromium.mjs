// Browser tests never skip: make sure Debian's Chromium (and CJK fonts, so Hangul renders) exist,
// installing them when we are root, or failing with the command to run.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FONT_DIR = '/usr/share/fonts/opentype/noto';
const INSTALL = 'apt-get update && apt-get install -y chromium fonts-noto-cjk';

const missing = !existsSync(CHROMIUM) || !existsSync(FONT_DIR);
if (missing) {
  if (process.getuid?.() === 0) {
    console.log(`Chromium or fonts-noto-cjk is missing; installing with: ${INSTALL}`);
    execSync(INSTALL, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } else {
    console.error(`Browser tests need Debian's Chromium and CJK fonts. Run as root:\n  ${INSTALL}`);
    process.exit(1);
  }
}
