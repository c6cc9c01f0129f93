/** Oldest server major this build supports; older ones are refused with the range. */
export const MIN_SERVER_VERSION = 130000;
export const MAX_TESTED_SERVER_VERSION = 189999;

export function majorOf(versionNum: number): number {
  return Math.floor(versionNum / 10000);
}

/** `server_version_num >= major * 10000`, spelled for call sites gating on a release. */
export function atLeast(versionNum: number, major: number): boolean {
  return versionNum >= major * 10000;
}
