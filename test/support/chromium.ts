/**
 * The browser the page tests drive: Debian's chromium (`apt-get install chromium`), which
 * scripts/ensure-chromium.ts installs when it is missing; FANBASE_CHROMIUM names another binary.
 */
export const CHROMIUM = process.env.FANBASE_CHROMIUM ?? '/usr/bin/chromium';
